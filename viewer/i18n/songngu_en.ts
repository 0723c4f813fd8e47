<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BookmarkController</name>
    <message numerus="yes">
        <location filename="../gui/bookmarks/controller.py" line="98"/>
        <source>delete %n bookmark(s)</source>
        <translation>
            <numerusform>delete %n bookmark</numerusform>
            <numerusform>delete %n bookmarks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message numerus="yes">
        <location filename="../gui/bookmarks/panel.py" line="243"/>
        <source>%n bookmark(s)</source>
        <translation>
            <numerusform>%n bookmark</numerusform>
            <numerusform>%n bookmarks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../gui/export_dialog.py" line="129"/>
        <source>The selected bookmark(s) (%n)</source>
        <translation>
            <numerusform>The selected bookmark (%n)</numerusform>
            <numerusform>The selected bookmarks (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message numerus="yes">
        <location filename="../gui/imports/worker.py" line="117"/>
        <source>%n file(s) imported.</source>
        <translation>
            <numerusform>%n file imported.</numerusform>
            <numerusform>%n files imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/imports/worker.py" line="119"/>
        <source>%n file(s) updated (already in the archive).</source>
        <translation>
            <numerusform>%n file updated (already in the archive).</numerusform>
            <numerusform>%n files updated (already in the archive).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/imports/worker.py" line="138"/>
        <source>%n file(s) hold no articles and were skipped:</source>
        <translation>
            <numerusform>%n file holds no articles and was skipped:</numerusform>
            <numerusform>%n files hold no articles and were skipped:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/imports/worker.py" line="144"/>
        <source>%n post(s) were left out:</source>
        <translation>
            <numerusform>%n post was left out:</numerusform>
            <numerusform>%n posts were left out:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/imports/worker.py" line="123"/>
        <source>%n file(s) could not be imported:</source>
        <translation>
            <numerusform>%n file could not be imported:</numerusform>
            <numerusform>%n files could not be imported:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportProgressPanel</name>
    <message numerus="yes">
        <location filename="../gui/imports/progress.py" line="100"/>
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>about %n minute left</numerusform>
            <numerusform>about %n minutes left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/imports/progress.py" line="101"/>
        <source>about %n hour(s) left</source>
        <translation>
            <numerusform>about %n hour left</numerusform>
            <numerusform>about %n hours left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message numerus="yes">
        <location filename="../gui/library/panel.py" line="202"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../gui/main_window.py" line="355"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <location filename="../gui/search_panel.py" line="294"/>
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/search_panel.py" line="295"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
</TS>
