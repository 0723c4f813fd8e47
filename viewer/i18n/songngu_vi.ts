<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AlignmentView</name>
    <message>
        <location filename="../gui/reader/alignment_view.py" line="165"/>
        <source>&amp;Pick passage for linking (Ctrl+click)</source>
        <translation>&amp;Chọn đoạn để ghép (Ctrl+nhấp)</translation>
    </message>
    <message>
        <location filename="../gui/reader/alignment_view.py" line="166"/>
        <source>&amp;Link picked passages</source>
        <translation>&amp;Ghép các đoạn đã chọn</translation>
    </message>
    <message>
        <location filename="../gui/reader/alignment_view.py" line="167"/>
        <source>&amp;Unlink this pair</source>
        <translation>&amp;Tách cặp này</translation>
    </message>
    <message>
        <location filename="../gui/reader/alignment_view.py" line="168"/>
        <source>&amp;Restore automatic pairing</source>
        <translation>&amp;Khôi phục ghép đoạn tự động</translation>
    </message>
    <message>
        <location filename="../gui/reader/alignment_view.py" line="300"/>
        <source>Picked %1 — Link picked passages: Ctrl+Shift+L</source>
        <translation>Đã chọn %1 — Ghép các đoạn đã chọn: Ctrl+Shift+L</translation>
    </message>
    <message>
        <location filename="../gui/reader/alignment_view.py" line="301"/>
        <source>Picked %1 — pick passages on the other side too</source>
        <translation>Đã chọn %1 — hãy chọn cả đoạn ở cột bên kia</translation>
    </message>
    <message>
        <location filename="../gui/reader/alignment_view.py" line="311"/>
        <source>Passages linked. The rest of the article was paired again.</source>
        <translation>Đã ghép các đoạn. Phần còn lại của bài được ghép lại.</translation>
    </message>
    <message>
        <location filename="../gui/reader/alignment_view.py" line="319"/>
        <source>Pair unlinked.</source>
        <translation>Đã tách cặp đoạn.</translation>
    </message>
    <message>
        <location filename="../gui/reader/alignment_view.py" line="327"/>
        <source>Automatic pairing restored.</source>
        <translation>Đã khôi phục ghép đoạn tự động.</translation>
    </message>
</context>
<context>
    <name>BookmarkController</name>
    <message>
        <location filename="../gui/bookmarks/controller.py" line="67"/>
        <location filename="../gui/bookmarks/controller.py" line="72"/>
        <source>add bookmark</source>
        <translation>thêm dấu trang</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/controller.py" line="80"/>
        <source>edit bookmark</source>
        <translation>sửa dấu trang</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/bookmarks/controller.py" line="98"/>
        <source>delete %n bookmark(s)</source>
        <translation>
            <numerusform>xoá %n dấu trang</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookmarkDialog</name>
    <message>
        <location filename="../gui/bookmarks/dialog.py" line="44"/>
        <source>Bookmark</source>
        <translation>Dấu trang</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/dialog.py" line="60"/>
        <source>Optional: why this passage matters</source>
        <translation>Không bắt buộc: vì sao đoạn này đáng giữ</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/dialog.py" line="64"/>
        <source>Optional, separated by commas</source>
        <translation>Không bắt buộc, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/dialog.py" line="66"/>
        <source>Tags in use: %1</source>
        <translation>Nhãn đang dùng: %1</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/dialog.py" line="77"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/dialog.py" line="78"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/dialog.py" line="82"/>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/dialog.py" line="83"/>
        <source>&amp;Tags:</source>
        <translation>&amp;Nhãn:</translation>
    </message>
</context>
<context>
    <name>BookmarkWorkflow</name>
    <message>
        <location filename="../gui/bookmarks/workflow.py" line="98"/>
        <source>Select some text in a passage, or click in one, to bookmark it.</source>
        <translation>Hãy chọn một đoạn chữ, hoặc bấm vào một đoạn văn, để đánh dấu.</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/workflow.py" line="110"/>
        <source>The whole article</source>
        <translation>Cả bài</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/workflow.py" line="115"/>
        <source>passage %1</source>
        <translation>đoạn %1</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/workflow.py" line="134"/>
        <source>Bookmarked. Ctrl+Z takes it back.</source>
        <translation>Đã đánh dấu. Ctrl+Z để huỷ.</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/workflow.py" line="146"/>
        <source>This bookmark&apos;s text is no longer in the article; its saved text is kept in the Bookmarks panel.</source>
        <translation>Đoạn chữ của dấu trang này không còn trong bài; bản đã lưu vẫn nằm trong bảng Dấu trang.</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/workflow.py" line="168"/>
        <source>Select some text in a passage to copy it.</source>
        <translation>Hãy chọn một đoạn chữ để chép.</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/workflow.py" line="176"/>
        <source>Copied with its citation.</source>
        <translation>Đã chép kèm trích dẫn.</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/workflow.py" line="192"/>
        <source>Exported to %1</source>
        <translation>Đã xuất ra %1</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/workflow.py" line="213"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Hoàn tác %1</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/workflow.py" line="214"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Làm lại %1</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="131"/>
        <source>Filter bookmarks by words, note or tag</source>
        <translation>Lọc dấu trang theo từ, ghi chú hoặc nhãn</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="135"/>
        <source>Newest first</source>
        <translation>Mới nhất trước</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="135"/>
        <source>Oldest first</source>
        <translation>Cũ nhất trước</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="136"/>
        <source>By article</source>
        <translation>Theo bài</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="140"/>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="141"/>
        <source>&amp;Tags:</source>
        <translation>&amp;Nhãn:</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="142"/>
        <source>separated by commas</source>
        <translation>cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="143"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="144"/>
        <source>&amp;Delete</source>
        <translation>&amp;Xoá</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="145"/>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất…</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="146"/>
        <source>Export the selected bookmarks with citations</source>
        <translation>Xuất các dấu trang đã chọn kèm trích dẫn</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="198"/>
        <source>All tags</source>
        <translation>Mọi nhãn</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/bookmarks/panel.py" line="243"/>
        <source>%n bookmark(s)</source>
        <translation>
            <numerusform>%n dấu trang</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="245"/>
        <source>%1 of %2 bookmarks</source>
        <translation>%1 trên %2 dấu trang</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="252"/>
        <source>Whole article</source>
        <translation>Cả bài</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="259"/>
        <source>orphaned</source>
        <translation>mồ côi</translation>
    </message>
    <message>
        <location filename="../gui/bookmarks/panel.py" line="261"/>
        <source>passage %1</source>
        <translation>đoạn %1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../gui/dialogs.py" line="45"/>
        <source>Clear the search (in the search field)</source>
        <translation>Xoá tìm kiếm (trong ô tìm kiếm)</translation>
    </message>
    <message>
        <source>Next / previous match (in the search field)</source>
        <translation type="vanished">Kết quả kế tiếp / trước (trong ô tìm kiếm)</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="46"/>
        <source>Next match (in the search field)</source>
        <translation>Kết quả tiếp theo (trong ô tìm kiếm)</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="47"/>
        <source>Previous match (in the search field)</source>
        <translation>Kết quả trước (trong ô tìm kiếm)</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="48"/>
        <source>From the search field to the results</source>
        <translation>Từ ô tìm kiếm xuống danh sách kết quả</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="64"/>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="67"/>
        <source>Command</source>
        <translation>Lệnh</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="68"/>
        <source>Shortcut</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="79"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="91"/>
        <source>An offline archive of bilingual articles: Vietnamese translations beside their English originals.</source>
        <translation>Kho lưu trữ ngoại tuyến các bài song ngữ: bản dịch tiếng Việt bên cạnh nguyên bản tiếng Anh.</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="94"/>
        <source>Data location:</source>
        <translation>Nơi lưu dữ liệu:</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="96"/>
        <source>Licences:</source>
        <translation>Giấy phép:</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="101"/>
        <source>Articles belong to their authors and publishers.</source>
        <translation>Các bài viết thuộc về tác giả và nhà xuất bản.</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="109"/>
        <source>About Song Ngữ</source>
        <translation>Giới thiệu Song Ngữ</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../gui/export_dialog.py" line="91"/>
        <location filename="../gui/export_dialog.py" line="215"/>
        <source>Export with citations</source>
        <translation>Xuất kèm trích dẫn</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="94"/>
        <source>What to export</source>
        <translation>Xuất gì</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="108"/>
        <source>Add each passage in the other language</source>
        <translation>Thêm đoạn tương ứng bằng ngôn ngữ kia</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="113"/>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất…</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="115"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="119"/>
        <source>&amp;Format:</source>
        <translation>Định &amp;dạng:</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/export_dialog.py" line="129"/>
        <source>The selected bookmark(s) (%n)</source>
        <translation>
            <numerusform>Các dấu trang đã chọn (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="131"/>
        <source>Bookmarks:</source>
        <translation>Dấu trang:</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="133"/>
        <source>all of them</source>
        <translation>tất cả</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="135"/>
        <source>tagged “%1”</source>
        <translation>có nhãn “%1”</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="138"/>
        <source>The search results for “%1”</source>
        <translation>Kết quả tìm “%1”</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="139"/>
        <source>The search results (no search yet)</source>
        <translation>Kết quả tìm (chưa tìm gì)</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="142"/>
        <source>The selection in the reader</source>
        <translation>Đoạn đang chọn trong bài</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="144"/>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="144"/>
        <source>Web page (.html)</source>
        <translation>Trang web (.html)</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="145"/>
        <source>Plain text (.txt)</source>
        <translation>Văn bản thuần (.txt)</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="145"/>
        <source>PDF (.pdf)</source>
        <translation>PDF (.pdf)</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="146"/>
        <source>Web Annotation JSON (.json)</source>
        <translation>JSON chú thích web W3C (.json)</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="180"/>
        <source>Song Ngữ — bookmarks</source>
        <translation>Song Ngữ — dấu trang</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="244"/>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="178"/>
        <source>Song Ngữ — %1</source>
        <translation>Song Ngữ — %1</translation>
    </message>
    <message>
        <location filename="../gui/export_dialog.py" line="233"/>
        <source>There is nothing to export for this choice.</source>
        <translation>Lựa chọn này không có gì để xuất.</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Importing…</source>
        <translation type="vanished">Đang nhập…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">Huỷ</translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="vanished">Nhập bài</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="vanished">Đang nhập %1…</translation>
    </message>
    <message>
        <location filename="../gui/imports/worker.py" line="79"/>
        <source>Looking for articles…</source>
        <translation>Đang tìm bài viết…</translation>
    </message>
    <message>
        <location filename="../gui/imports/worker.py" line="107"/>
        <source>Nothing already archived was lost.</source>
        <translation>Không bài nào đã lưu bị mất.</translation>
    </message>
    <message>
        <location filename="../gui/imports/worker.py" line="108"/>
        <source>Import failed</source>
        <translation>Nhập bài thất bại</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/imports/worker.py" line="117"/>
        <source>%n file(s) imported.</source>
        <translation>
            <numerusform>Đã nhập %n tệp.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/imports/worker.py" line="119"/>
        <source>%n file(s) updated (already in the archive).</source>
        <translation>
            <numerusform>Đã cập nhật %n tệp (đã có trong kho).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/imports/worker.py" line="121"/>
        <source>The import was cancelled; files already imported are kept.</source>
        <translation>Đã huỷ nhập; các tệp đã nhập vẫn được giữ.</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/imports/worker.py" line="138"/>
        <source>%n file(s) hold no articles and were skipped:</source>
        <translation>
            <numerusform>%n tệp không chứa bài nào và đã được bỏ qua:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/imports/worker.py" line="144"/>
        <source>%n post(s) were left out:</source>
        <translation>
            <numerusform>%n bài đăng đã bị bỏ qua:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/imports/worker.py" line="123"/>
        <source>%n file(s) could not be imported:</source>
        <translation>
            <numerusform>%n tệp không nhập được:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/imports/worker.py" line="126"/>
        <source>Nothing already archived was changed.</source>
        <translation>Không bài nào đã lưu bị thay đổi.</translation>
    </message>
    <message>
        <location filename="../gui/imports/worker.py" line="128"/>
        <source>Nothing was imported.</source>
        <translation>Không có gì được nhập.</translation>
    </message>
    <message>
        <location filename="../gui/imports/worker.py" line="130"/>
        <source>Import finished</source>
        <translation>Đã nhập xong</translation>
    </message>
</context>
<context>
    <name>ImportProgressPanel</name>
    <message>
        <location filename="../gui/imports/progress.py" line="65"/>
        <source>Cancel import</source>
        <translation>Dừng nhập</translation>
    </message>
    <message>
        <location filename="../gui/imports/progress.py" line="66"/>
        <source>Stop after the current article; what is already imported stays</source>
        <translation>Dừng sau bài đang nhập; những bài đã nhập vẫn được giữ</translation>
    </message>
    <message>
        <location filename="../gui/imports/progress.py" line="84"/>
        <source>Importing %1 of %2</source>
        <translation>Đang nhập %1/%2</translation>
    </message>
    <message>
        <location filename="../gui/imports/progress.py" line="97"/>
        <source>less than a minute left</source>
        <translation>còn chưa đến một phút</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/imports/progress.py" line="100"/>
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>còn khoảng %n phút</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/imports/progress.py" line="101"/>
        <source>about %n hour(s) left</source>
        <translation>
            <numerusform>còn khoảng %n giờ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/imports/progress.py" line="105"/>
        <source>Stopping after the current article…</source>
        <translation>Sẽ dừng sau bài đang nhập…</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Filter by title, author or number</source>
        <translation type="vanished">Lọc theo tiêu đề, tác giả hoặc số bài</translation>
    </message>
    <message>
        <location filename="../gui/library/panel.py" line="126"/>
        <source>Filter by title, author, tag or number</source>
        <translation>Lọc theo tiêu đề, tác giả, nhãn hoặc số</translation>
    </message>
    <message>
        <location filename="../gui/library/panel.py" line="127"/>
        <source>Newest post number first</source>
        <translation>Số bài mới nhất trước</translation>
    </message>
    <message>
        <location filename="../gui/library/panel.py" line="128"/>
        <source>Newest date first</source>
        <translation>Ngày mới nhất trước</translation>
    </message>
    <message>
        <location filename="../gui/library/panel.py" line="128"/>
        <source>Title A–Z</source>
        <translation>Tiêu đề A–Z</translation>
    </message>
    <message>
        <location filename="../gui/library/panel.py" line="136"/>
        <source>Order of the list</source>
        <translation>Thứ tự danh sách</translation>
    </message>
    <message>
        <location filename="../gui/library/panel.py" line="137"/>
        <source>Show only the articles with this tag</source>
        <translation>Chỉ hiện các bài có nhãn này</translation>
    </message>
    <message>
        <location filename="../gui/library/panel.py" line="185"/>
        <source>All tags</source>
        <translation>Mọi nhãn</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/library/panel.py" line="202"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n bài</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/library/panel.py" line="204"/>
        <source>%1 of %2 articles</source>
        <translation>%1 trên %2 bài</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../gui/actions.py" line="128"/>
        <source>&amp;Import…</source>
        <translation>&amp;Nhập bài…</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="129"/>
        <source>Import &amp;Folder…</source>
        <translation>Nhập cả &amp;thư mục…</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="130"/>
        <source>&amp;Rebuild search index</source>
        <translation>&amp;Dựng lại chỉ mục tìm kiếm</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="131"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="132"/>
        <source>&amp;Search</source>
        <translation>&amp;Tìm kiếm</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="133"/>
        <source>Next &amp;match</source>
        <translation>Kết quả &amp;kế tiếp</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="134"/>
        <source>&amp;Previous match</source>
        <translation>Kết quả &amp;trước</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="135"/>
        <source>&amp;Clear search</source>
        <translation>&amp;Xoá tìm kiếm</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="136"/>
        <source>&amp;Filter library</source>
        <translation>&amp;Lọc thư viện</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="137"/>
        <source>&amp;Copy source URL</source>
        <translation>&amp;Chép địa chỉ nguồn</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="138"/>
        <source>&amp;Vietnamese</source>
        <translation>Tiếng &amp;Việt</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="139"/>
        <source>&amp;English</source>
        <translation>Tiếng &amp;Anh</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="140"/>
        <source>&amp;Side by side</source>
        <translation>&amp;Song song</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="141"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="142"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;Thu nhỏ</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="143"/>
        <source>&amp;Reset zoom</source>
        <translation>Cỡ chữ &amp;mặc định</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="144"/>
        <source>&amp;Full screen</source>
        <translation>Toàn &amp;màn hình</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="145"/>
        <source>&amp;System language</source>
        <translation>Theo ngôn ngữ &amp;hệ thống</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="148"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="149"/>
        <source>&amp;About Song Ngữ</source>
        <translation>&amp;Giới thiệu Song Ngữ</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="150"/>
        <source>&amp;Bookmark passage</source>
        <translation>Đánh &amp;dấu đoạn</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="151"/>
        <source>Bookmark the whole &amp;article</source>
        <translation>Đánh dấu cả &amp;bài</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="152"/>
        <source>Show &amp;bookmarks</source>
        <translation>Xem &amp;dấu trang</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="153"/>
        <source>&amp;Export with citations…</source>
        <translation>&amp;Xuất kèm trích dẫn…</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="154"/>
        <source>Copy with &amp;citation</source>
        <translation>Chép kèm &amp;trích dẫn</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="155"/>
        <source>&amp;System</source>
        <translation>Theo &amp;hệ thống</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="156"/>
        <source>&amp;Light</source>
        <translation>&amp;Sáng</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="157"/>
        <source>&amp;Dark</source>
        <translation>&amp;Tối</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="158"/>
        <source>Library &amp;panel</source>
        <translation>&amp;Khung thư viện</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="159"/>
        <source>Search and bookmarks p&amp;anel</source>
        <translation>Khung tìm &amp;kiếm và dấu trang</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="208"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="209"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="210"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="212"/>
        <source>&amp;Interface language</source>
        <translation>Ngôn ngữ &amp;giao diện</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="215"/>
        <source>&amp;Theme</source>
        <translation>&amp;Giao diện</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="vanished">&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="213"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="214"/>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Dấu trang</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="205"/>
        <source>No Vietnamese text</source>
        <translation>Không có bản tiếng Việt</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="205"/>
        <source>No English text</source>
        <translation>Không có bản tiếng Anh</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="207"/>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="208"/>
        <source>Bookmarks</source>
        <translation>Dấu trang</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="353"/>
        <source>No matches</source>
        <translation>Không có kết quả khớp</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/main_window.py" line="355"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n kết quả khớp</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="357"/>
        <source>match %1 of %2</source>
        <translation>kết quả %1 / %2</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="415"/>
        <source>Building the search index…</source>
        <translation>Đang dựng chỉ mục tìm kiếm…</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="431"/>
        <source>The search index is ready.</source>
        <translation>Chỉ mục tìm kiếm đã sẵn sàng.</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="437"/>
        <source>The search index could not be built: %1</source>
        <translation>Không dựng được chỉ mục tìm kiếm: %1</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="442"/>
        <source>Import articles</source>
        <translation>Nhập bài viết</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="443"/>
        <source>Articles (%1);;All files (*)</source>
        <translation>Bài viết (%1);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Articles (*.txt *.md *.markdown *.xml *.atom);;All files (*)</source>
        <translation type="vanished">Bài viết (*.txt *.md *.markdown *.xml *.atom);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="448"/>
        <source>Import a folder</source>
        <translation>Nhập một thư mục</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <location filename="../gui/library/metadata_panel.py" line="40"/>
        <source>Copy source URL</source>
        <translation>Chép địa chỉ nguồn</translation>
    </message>
    <message>
        <location filename="../gui/library/metadata_panel.py" line="65"/>
        <source>Authors</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <location filename="../gui/library/metadata_panel.py" line="66"/>
        <source>Publication</source>
        <translation>Ấn phẩm</translation>
    </message>
    <message>
        <location filename="../gui/library/metadata_panel.py" line="67"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../gui/library/metadata_panel.py" line="68"/>
        <source>Published</source>
        <translation>Ngày đăng</translation>
    </message>
    <message>
        <location filename="../gui/library/metadata_panel.py" line="69"/>
        <source>Blog post</source>
        <translation>Bài blog số</translation>
    </message>
    <message>
        <location filename="../gui/library/metadata_panel.py" line="70"/>
        <source>Imported</source>
        <translation>Ngày nhập</translation>
    </message>
    <message>
        <location filename="../gui/library/metadata_panel.py" line="76"/>
        <source>Related posts</source>
        <translation>Bài liên quan</translation>
    </message>
    <message>
        <location filename="../gui/library/metadata_panel.py" line="84"/>
        <source>not archived</source>
        <translation>chưa có trong kho</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../gui/operations.py" line="145"/>
        <source>%1 (details in %2)</source>
        <translation>%1 (chi tiết trong %2)</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../gui/qt_strings.py" line="81"/>
        <source>Drive</source>
        <translation>Ổ đĩa</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="82"/>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="83"/>
        <source>File Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="84"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="85"/>
        <source>Alias</source>
        <translation>Bí danh</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="86"/>
        <source>Shortcut</source>
        <translation>Lối tắt</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="87"/>
        <source>Unknown</source>
        <translation>Không rõ</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <location filename="../gui/qt_strings.py" line="123"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../gui/qt_strings.py" line="24"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Tìm trong:</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="25"/>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="26"/>
        <source>Files of &amp;type:</source>
        <translation>&amp;Loại tệp:</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="27"/>
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="28"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="29"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="30"/>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="31"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="32"/>
        <source>Save As</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="33"/>
        <source>Find Directory</source>
        <translation>Tìm thư mục</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="34"/>
        <source>All Files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="35"/>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="36"/>
        <source>Directories</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="37"/>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="38"/>
        <source>Back</source>
        <translation>Lùi</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="39"/>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="40"/>
        <source>Forward</source>
        <translation>Tới</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="41"/>
        <source>Go forward</source>
        <translation>Đi tới</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="42"/>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="43"/>
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="44"/>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="45"/>
        <source>Create a New Folder</source>
        <translation>Tạo một thư mục mới</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="46"/>
        <source>List View</source>
        <translation>Xem danh sách</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="47"/>
        <source>Change to list view mode</source>
        <translation>Chuyển sang xem danh sách</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="48"/>
        <source>Detail View</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="49"/>
        <source>Change to detail view mode</source>
        <translation>Chuyển sang xem chi tiết</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="50"/>
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="51"/>
        <source>List of places and bookmarks</source>
        <translation>Danh sách nơi chốn và dấu trang</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="52"/>
        <source>Recent Places</source>
        <translation>Nơi mở gần đây</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="53"/>
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="54"/>
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="55"/>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="56"/>
        <source>&amp;Delete</source>
        <translation>&amp;Xoá</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="57"/>
        <source>Delete</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="58"/>
        <source>Remove</source>
        <translation>Bỏ khỏi danh sách</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="59"/>
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp &amp;ẩn</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="60"/>
        <source>Show </source>
        <translation>Hiện </translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="61"/>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 đã có.
Bạn có muốn thay nó không?</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="62"/>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="64"/>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="66"/>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Bạn có chắc muốn xoá &apos;%1&apos; không?</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="67"/>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; đang được bảo vệ chống ghi.
Bạn vẫn muốn xoá nó?</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="69"/>
        <source>Could not delete directory.</source>
        <translation>Không xoá được thư mục.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../gui/qt_strings.py" line="72"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="73"/>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="74"/>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="75"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="76"/>
        <source>Date Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="77"/>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="78"/>
        <source>My Computer</source>
        <translation>Máy tính của tôi</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location filename="../gui/qt_strings.py" line="131"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="132"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="133"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="134"/>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="135"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="136"/>
        <source>Delete</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="137"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location filename="../gui/qt_strings.py" line="126"/>
        <source>Show Details...</source>
        <translation>Xem chi tiết...</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="127"/>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết...</translation>
    </message>
</context>
<context>
    <name>QMimeType</name>
    <message>
        <location filename="../gui/qt_strings.py" line="92"/>
        <source>plain text document</source>
        <translation>tài liệu văn bản thuần</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="93"/>
        <source>Markdown document</source>
        <translation>tài liệu Markdown</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="94"/>
        <source>PDF document</source>
        <translation>tài liệu PDF</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="95"/>
        <source>HTML document</source>
        <translation>tài liệu HTML</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="96"/>
        <source>XML document</source>
        <translation>tài liệu XML</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="97"/>
        <source>Atom syndication feed</source>
        <translation>nguồn tin Atom</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="98"/>
        <source>JSON document</source>
        <translation>tài liệu JSON</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="99"/>
        <source>SQLite3 database</source>
        <translation>cơ sở dữ liệu SQLite3</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../gui/qt_strings.py" line="103"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="104"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="105"/>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="106"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="107"/>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="108"/>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="109"/>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="110"/>
        <source>N&amp;o to All</source>
        <translation>Khô&amp;ng với tất cả</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="111"/>
        <source>Abort</source>
        <translation>Huỷ bỏ</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="112"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="113"/>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="114"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="115"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="116"/>
        <source>Discard</source>
        <translation>Bỏ đi</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="117"/>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="118"/>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="119"/>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="120"/>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location filename="../gui/qt_strings.py" line="140"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="141"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="142"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="143"/>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="144"/>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ &amp;liên kết</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="145"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="146"/>
        <source>Delete</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location filename="../gui/qt_strings.py" line="147"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../gui/search_panel.py" line="125"/>
        <source>Search both languages (Ctrl+F)</source>
        <translation>Tìm trong cả hai ngôn ngữ (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="127"/>
        <location filename="../gui/search_panel.py" line="277"/>
        <source>Diacritics are optional: “chien tranh” finds “chiến tranh”.</source>
        <translation>Không cần gõ dấu: “chien tranh” tìm được “chiến tranh”.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="128"/>
        <source>&quot;quoted phrase&quot;, -exclude, OR.</source>
        <translation>&quot;cụm từ trong ngoặc kép&quot;, -loại trừ, OR (hoặc).</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="129"/>
        <source>Enter: next match, Shift+Enter: previous.</source>
        <translation>Enter: kết quả kế tiếp, Shift+Enter: kết quả trước.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="138"/>
        <source>Search in</source>
        <translation>Tìm trong</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="139"/>
        <source>Show translations</source>
        <translation>Hiện bản dịch</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="140"/>
        <source>Show under each hit the passage paired with it in the other language</source>
        <translation>Hiện dưới mỗi kết quả đoạn tương ứng ở ngôn ngữ kia</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="148"/>
        <source>All languages</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="222"/>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="264"/>
        <source>Search failed: %1</source>
        <translation>Tìm kiếm thất bại: %1</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="274"/>
        <source>The search index is being built. Results will appear as soon as it is ready.</source>
        <translation>Đang dựng chỉ mục tìm kiếm. Kết quả sẽ hiện ra ngay khi xong.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="278"/>
        <source>&quot;Quoted words&quot; must stand together; -word excludes; OR widens.</source>
        <translation>&quot;Các từ trong ngoặc kép&quot; phải đứng liền nhau; -từ để loại trừ; OR để mở rộng.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="279"/>
        <source>Enter or F3: next match in the article; Shift+Enter or Shift+F3: previous.</source>
        <translation>Enter hoặc F3: kết quả kế tiếp trong bài; Shift+Enter hoặc Shift+F3: kết quả trước.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="283"/>
        <source>Type to search the whole archive in Vietnamese and English.</source>
        <translation>Gõ để tìm trong toàn bộ kho, cả tiếng Việt lẫn tiếng Anh.</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/search_panel.py" line="294"/>
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n đoạn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/search_panel.py" line="295"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n bài</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="295"/>
        <source>(best %1 shown)</source>
        <translation>(hiện %1 kết quả tốt nhất)</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="300"/>
        <source>about</source>
        <translation>khoảng</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="365"/>
        <source>Did you mean: %1?</source>
        <translation>Có phải bạn muốn tìm: %1?</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="344"/>
        <source>title, subtitle or authors</source>
        <translation>tiêu đề, phụ đề hoặc tác giả</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="335"/>
        <location filename="../gui/search_panel.py" line="345"/>
        <source>passage %1</source>
        <translation>đoạn %1</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="348"/>
        <source>No results</source>
        <translation>Không có kết quả</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="349"/>
        <source>Check the spelling, or type without diacritics.</source>
        <translation>Kiểm tra chính tả, hoặc gõ không dấu.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="350"/>
        <source>Remove a word: every word must match.</source>
        <translation>Bớt một từ: mọi từ đều phải khớp.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="352"/>
        <source>Set the language filter to “All languages”.</source>
        <translation>Chọn bộ lọc ngôn ngữ “Tất cả”.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="355"/>
        <source>Nothing matches &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Không tìm thấy &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="356"/>
        <source>Suggestions:</source>
        <translation>Gợi ý:</translation>
    </message>
</context>
<context>
    <name>TranslationsPanel</name>
    <message>
        <location filename="../gui/translations/panel.py" line="93"/>
        <source>A word or phrase, in either language</source>
        <translation>Một từ hay cụm từ, tiếng nào cũng được</translation>
    </message>
    <message>
        <location filename="../gui/translations/panel.py" line="94"/>
        <source>How did the archive's translators render it? Enter looks it up; so does selecting text and choosing “How was this translated?”</source>
        <translation>Người dịch trong kho đã dịch nó thế nào? Nhấn Enter để tra; hoặc chọn chữ rồi chọn “Đã dịch thế nào?”</translation>
    </message>
    <message>
        <location filename="../gui/translations/panel.py" line="100"/>
        <source>Detect</source>
        <translation>Tự nhận</translation>
    </message>
    <message>
        <location filename="../gui/translations/panel.py" line="104"/>
        <source>The language of the word or phrase</source>
        <translation>Ngôn ngữ của từ hay cụm từ</translation>
    </message>
    <message>
        <location filename="../gui/translations/panel.py" line="108"/>
        <source>Type a word or phrase to see how it was translated.</source>
        <translation>Gõ một từ hay cụm từ để xem nó đã được dịch thế nào.</translation>
    </message>
    <message>
        <location filename="../gui/translations/panel.py" line="135"/>
        <source>Looking up…</source>
        <translation>Đang tra…</translation>
    </message>
    <message>
        <location filename="../gui/translations/panel.py" line="152"/>
        <source>Lookup failed: %1</source>
        <translation>Không tra được: %1</translation>
    </message>
    <message>
        <location filename="../gui/translations/panel.py" line="161"/>
        <source>“%1” is in no sentence pair of the archive.</source>
        <translation>“%1” không có trong cặp câu nào của kho.</translation>
    </message>
    <message>
        <location filename="../gui/translations/panel.py" line="162"/>
        <source>“%1” is in %2 sentence pair(s); no rendering recurs.</source>
        <translation>“%1” có trong %2 cặp câu; không cách dịch nào lặp lại.</translation>
    </message>
    <message>
        <location filename="../gui/translations/panel.py" line="166"/>
        <source>about </source>
        <translation>khoảng </translation>
    </message>
    <message>
        <location filename="../gui/translations/panel.py" line="168"/>
        <source>“%1” in %2%3 sentence pair(s); renderings in %4:</source>
        <translation>“%1” trong %2%3 cặp câu; các cách dịch sang %4:</translation>
    </message>
    <message>
        <location filename="../gui/translations/panel.py" line="174"/>
        <source>found with it in %1 sentence pair(s)</source>
        <translation>đi cùng nó trong %1 cặp câu</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <location filename="../gui/translations/workbench.py" line="62"/>
        <source>The translation memory could not be built: %1</source>
        <translation>Không dựng được bộ nhớ dịch: %1</translation>
    </message>
    <message>
        <location filename="../gui/translations/workbench.py" line="49"/>
        <source>How was this &amp;translated?</source>
        <translation>Đã &amp;dịch thế nào?</translation>
    </message>
    <message>
        <location filename="../gui/translations/workbench.py" line="50"/>
        <source>Show how the archive's translators rendered the selected words (or the search box's)</source>
        <translation>Xem người dịch trong kho đã dịch những chữ đang chọn (hoặc chữ trong ô tìm kiếm) thế nào</translation>
    </message>
    <message>
        <location filename="../gui/translations/workbench.py" line="52"/>
        <source>Export &amp;translation memory…</source>
        <translation>Xuất &amp;bộ nhớ dịch…</translation>
    </message>
    <message>
        <location filename="../gui/translations/workbench.py" line="54"/>
        <source>Translations</source>
        <translation>Bản dịch</translation>
    </message>
    <message>
        <location filename="../gui/translations/workbench.py" line="84"/>
        <source>TMX translation memory (*.tmx)</source>
        <translation>Bộ nhớ dịch TMX (*.tmx)</translation>
    </message>
    <message>
        <location filename="../gui/translations/workbench.py" line="84"/>
        <source>Tab-separated (*.tsv)</source>
        <translation>Phân cách bằng tab (*.tsv)</translation>
    </message>
    <message>
        <location filename="../gui/translations/workbench.py" line="86"/>
        <source>Export translation memory</source>
        <translation>Xuất bộ nhớ dịch</translation>
    </message>
    <message>
        <location filename="../gui/translations/workbench.py" line="106"/>
        <source>Exported %1 sentence pair(s) to %2</source>
        <translation>Đã xuất %1 cặp câu vào %2</translation>
    </message>
    <message>
        <location filename="../gui/translations/workbench.py" line="111"/>
        <source>Export failed: %1</source>
        <translation>Không xuất được: %1</translation>
    </message>
    <message>
        <location filename="../gui/translations/workbench.py" line="113"/>
        <source>Exporting the translation memory…</source>
        <translation>Đang xuất bộ nhớ dịch…</translation>
    </message>
</context>
</TS>
