<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../gui/dialogs.py" line="40" />
        <source>Clear the search (in the search field)</source>
        <translation>Xoá tìm kiếm (trong ô tìm kiếm)</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="41" />
        <source>Next / previous match (in the search field)</source>
        <translation>Kết quả kế tiếp / trước (trong ô tìm kiếm)</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="43" />
        <source>From the search field to the results</source>
        <translation>Từ ô tìm kiếm xuống danh sách kết quả</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="50" />
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="53" />
        <source>Command</source>
        <translation>Lệnh</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="54" />
        <source>Shortcut</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="65" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="77" />
        <source>An offline archive of bilingual articles: Vietnamese translations beside their English originals.</source>
        <translation>Kho lưu trữ ngoại tuyến các bài song ngữ: bản dịch tiếng Việt bên cạnh nguyên bản tiếng Anh.</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="80" />
        <source>Data location:</source>
        <translation>Nơi lưu dữ liệu:</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="82" />
        <source>Licences:</source>
        <translation>Giấy phép:</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="87" />
        <source>Articles belong to their authors and publishers.</source>
        <translation>Các bài viết thuộc về tác giả và nhà xuất bản.</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="95" />
        <source>About Song Ngữ</source>
        <translation>Giới thiệu Song Ngữ</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../gui/import_worker.py" line="59" />
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../gui/import_worker.py" line="59" />
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location filename="../gui/import_worker.py" line="60" />
        <source>Import</source>
        <translation>Nhập bài</translation>
    </message>
    <message>
        <location filename="../gui/import_worker.py" line="75" />
        <source>Importing %1…</source>
        <translation>Đang nhập %1…</translation>
    </message>
    <message>
        <location filename="../gui/import_worker.py" line="91" />
        <source>Nothing already archived was lost.</source>
        <translation>Không bài nào đã lưu bị mất.</translation>
    </message>
    <message>
        <location filename="../gui/import_worker.py" line="92" />
        <source>Import failed</source>
        <translation>Nhập bài thất bại</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/import_worker.py" line="101" />
        <source>%n file(s) imported.</source>
        <translation>
            <numerusform>Đã nhập %n tệp.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/import_worker.py" line="103" />
        <source>%n file(s) updated (already in the archive).</source>
        <translation>
            <numerusform>Đã cập nhật %n tệp (đã có trong kho).</numerusform></translation>
    </message>
    <message>
        <location filename="../gui/import_worker.py" line="105" />
        <source>The import was cancelled; files already imported are kept.</source>
        <translation>Đã huỷ nhập; các tệp đã nhập vẫn được giữ.</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/import_worker.py" line="107" />
        <source>%n file(s) could not be imported:</source>
        <translation>
            <numerusform>%n tệp không nhập được:</numerusform></translation>
    </message>
    <message>
        <location filename="../gui/import_worker.py" line="110" />
        <source>Nothing already archived was changed.</source>
        <translation>Không bài nào đã lưu bị thay đổi.</translation>
    </message>
    <message>
        <location filename="../gui/import_worker.py" line="112" />
        <source>Nothing was imported.</source>
        <translation>Không có gì được nhập.</translation>
    </message>
    <message>
        <location filename="../gui/import_worker.py" line="114" />
        <source>Import finished</source>
        <translation>Đã nhập xong</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../gui/library_panel.py" line="129" />
        <source>Filter by title, author or number</source>
        <translation>Lọc theo tiêu đề, tác giả hoặc số bài</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/library_panel.py" line="152" />
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n bài</numerusform></translation>
    </message>
    <message>
        <location filename="../gui/library_panel.py" line="154" />
        <source>%1 of %2 articles</source>
        <translation>%1 trên %2 bài</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../gui/actions.py" line="100" />
        <source>&amp;Import…</source>
        <translation>&amp;Nhập bài…</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="101" />
        <source>&amp;Rebuild search index</source>
        <translation>&amp;Dựng lại chỉ mục tìm kiếm</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="102" />
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="103" />
        <source>&amp;Search</source>
        <translation>&amp;Tìm kiếm</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="104" />
        <source>Next &amp;match</source>
        <translation>Kết quả &amp;kế tiếp</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="105" />
        <source>&amp;Previous match</source>
        <translation>Kết quả &amp;trước</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="106" />
        <source>&amp;Clear search</source>
        <translation>&amp;Xoá tìm kiếm</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="107" />
        <source>&amp;Filter library</source>
        <translation>&amp;Lọc thư viện</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="108" />
        <source>&amp;Copy source URL</source>
        <translation>&amp;Chép địa chỉ nguồn</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="109" />
        <source>&amp;Vietnamese</source>
        <translation>Tiếng &amp;Việt</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="110" />
        <source>&amp;English</source>
        <translation>Tiếng &amp;Anh</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="111" />
        <source>&amp;Side by side</source>
        <translation>&amp;Song song</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="112" />
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="113" />
        <source>Zoom &amp;out</source>
        <translation>&amp;Thu nhỏ</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="114" />
        <source>&amp;Reset zoom</source>
        <translation>Cỡ chữ &amp;mặc định</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="115" />
        <source>&amp;Full screen</source>
        <translation>Toàn &amp;màn hình</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="116" />
        <source>&amp;System language</source>
        <translation>Theo ngôn ngữ &amp;hệ thống</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="119" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="120" />
        <source>&amp;About Song Ngữ</source>
        <translation>&amp;Giới thiệu Song Ngữ</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="158" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="159" />
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="160" />
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="161" />
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../gui/actions.py" line="162" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="216" />
        <source>No matches</source>
        <translation>Không có kết quả khớp</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/main_window.py" line="218" />
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n kết quả khớp</numerusform></translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="220" />
        <source>match %1 of %2</source>
        <translation>kết quả %1 / %2</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="270" />
        <source>Building the search index…</source>
        <translation>Đang dựng chỉ mục tìm kiếm…</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="285" />
        <source>The search index is ready.</source>
        <translation>Chỉ mục tìm kiếm đã sẵn sàng.</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="291" />
        <source>The search index could not be built: %1</source>
        <translation>Không dựng được chỉ mục tìm kiếm: %1</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="296" />
        <source>Import articles</source>
        <translation>Nhập bài viết</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="297" />
        <source>Articles (*.txt *.md *.markdown *.xml *.atom);;All files (*)</source>
        <translation>Bài viết (*.txt *.md *.markdown *.xml *.atom);;Mọi tệp (*)</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <location filename="../gui/metadata_panel.py" line="40" />
        <source>Copy source URL</source>
        <translation>Chép địa chỉ nguồn</translation>
    </message>
    <message>
        <location filename="../gui/metadata_panel.py" line="65" />
        <source>Authors</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <location filename="../gui/metadata_panel.py" line="66" />
        <source>Publication</source>
        <translation>Ấn phẩm</translation>
    </message>
    <message>
        <location filename="../gui/metadata_panel.py" line="67" />
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../gui/metadata_panel.py" line="68" />
        <source>Published</source>
        <translation>Ngày đăng</translation>
    </message>
    <message>
        <location filename="../gui/metadata_panel.py" line="69" />
        <source>Blog post</source>
        <translation>Bài blog số</translation>
    </message>
    <message>
        <location filename="../gui/metadata_panel.py" line="70" />
        <source>Imported</source>
        <translation>Ngày nhập</translation>
    </message>
    <message>
        <location filename="../gui/metadata_panel.py" line="76" />
        <source>Related posts</source>
        <translation>Bài liên quan</translation>
    </message>
    <message>
        <location filename="../gui/metadata_panel.py" line="84" />
        <source>not archived</source>
        <translation>chưa có trong kho</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../gui/search_panel.py" line="108" />
        <source>Search both languages (Ctrl+F)</source>
        <translation>Tìm trong cả hai ngôn ngữ (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="110" />
        <location filename="../gui/search_panel.py" line="227" />
        <source>Diacritics are optional: “chien tranh” finds “chiến tranh”.</source>
        <translation>Không cần gõ dấu: “chien tranh” tìm được “chiến tranh”.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="111" />
        <source>"quoted phrase", -exclude, OR.</source>
        <translation>"cụm từ trong ngoặc kép", -loại trừ, OR (hoặc).</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="112" />
        <source>Enter: next match, Shift+Enter: previous.</source>
        <translation>Enter: kết quả kế tiếp, Shift+Enter: kết quả trước.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="121" />
        <source>Search in</source>
        <translation>Tìm trong</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="128" />
        <source>All languages</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="177" />
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="214" />
        <source>Search failed: %1</source>
        <translation>Tìm kiếm thất bại: %1</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="224" />
        <source>The search index is being built. Results will appear as soon as it is ready.</source>
        <translation>Đang dựng chỉ mục tìm kiếm. Kết quả sẽ hiện ra ngay khi xong.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="228" />
        <source>"Quoted words" must stand together; -word excludes; OR widens.</source>
        <translation>"Các từ trong ngoặc kép" phải đứng liền nhau; -từ để loại trừ; OR để mở rộng.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="229" />
        <source>Enter or F3: next match in the article; Shift+Enter or Shift+F3: previous.</source>
        <translation>Enter hoặc F3: kết quả kế tiếp trong bài; Shift+Enter hoặc Shift+F3: kết quả trước.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="233" />
        <source>Type to search the whole archive in Vietnamese and English.</source>
        <translation>Gõ để tìm trong toàn bộ kho, cả tiếng Việt lẫn tiếng Anh.</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/search_panel.py" line="244" />
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n đoạn</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/search_panel.py" line="245" />
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n bài</numerusform></translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="255" />
        <source>(best %1 of about %2)</source>
        <translation>(%1 kết quả tốt nhất trong khoảng %2)</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="283" />
        <source>title, subtitle or authors</source>
        <translation>tiêu đề, phụ đề hoặc tác giả</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="284" />
        <source>passage %1</source>
        <translation>đoạn %1</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="287" />
        <source>No results</source>
        <translation>Không có kết quả</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="288" />
        <source>Check the spelling, or type without diacritics.</source>
        <translation>Kiểm tra chính tả, hoặc gõ không dấu.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="289" />
        <source>Remove a word: every word must match.</source>
        <translation>Bớt một từ: mọi từ đều phải khớp.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="291" />
        <source>Set the language filter to “All languages”.</source>
        <translation>Chọn bộ lọc ngôn ngữ “Tất cả”.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="294" />
        <source>Nothing matches &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Không tìm thấy &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../gui/search_panel.py" line="295" />
        <source>Suggestions:</source>
        <translation>Gợi ý:</translation>
    </message>
</context>
</TS>
