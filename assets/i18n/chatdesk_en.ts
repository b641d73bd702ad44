<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChatController</name>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/conversation/chat_controller.py" line="375"/>
        <source>%n earlier message(s) were left out because the conversation no longer fits in the model&apos;s context window.</source>
        <translation>
            <numerusform>%n earlier message was left out because the conversation no longer fits in the model&apos;s context window.</numerusform>
            <numerusform>%n earlier messages were left out because the conversation no longer fits in the model&apos;s context window.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatList</name>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/shell/chat_list.py" line="78"/>
        <source>Delete these %n chats? You can undo for {seconds} seconds.</source>
        <translation>
            <numerusform>Delete this chat? You can undo for {seconds} seconds.</numerusform>
            <numerusform>Delete these %n chats? You can undo for {seconds} seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/shell/chat_list.py" line="102"/>
        <source>Deleted %n chat(s).</source>
        <translation>
            <numerusform>Deleted %n chat.</numerusform>
            <numerusform>Deleted %n chats.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/shell/main_window.py" line="543"/>
        <source>{speed} tok/s · first token {ttft} ms · %n token(s)</source>
        <translation>
            <numerusform>{speed} tok/s · first token {ttft} ms · %n token</numerusform>
            <numerusform>{speed} tok/s · first token {ttft} ms · %n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="218"/>
        <source>Export %n chats…</source>
        <translation>
            <numerusform>Export %n chat…</numerusform>
            <numerusform>Export %n chats…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="219"/>
        <source>Delete %n chats…</source>
        <translation>
            <numerusform>Delete %n chat…</numerusform>
            <numerusform>Delete %n chats…</numerusform>
        </translation>
    </message>
</context>
</TS>
