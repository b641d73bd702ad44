<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../chatdesk/ui/app.py" line="27"/>
        <source>ChatDesk cannot start</source>
        <translation>ChatDesk 无法启动</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app.py" line="63"/>
        <source>ChatDesk is already running with {folder}; switched to its window.</source>
        <translation>ChatDesk 已在使用 {folder} 运行；已切换到它的窗口。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app.py" line="68"/>
        <source>ChatDesk is already running with the data folder {folder} ({holder}), but it does not answer. Close it (or end that process) and start ChatDesk again.</source>
        <translation>ChatDesk 已在使用数据文件夹 {folder} 运行（{holder}），但没有响应。请关闭它（或结束该进程），然后重新启动 ChatDesk。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/app.py" line="101"/>
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
        <location filename="../../chatdesk/ui/chat_controller.py" line="198"/>
        <source>Wait for the current reply to finish (or press Stop) first.</source>
        <translation>请先等待当前回复完成（或按“停止”）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/chat_controller.py" line="269"/>
        <source>%n earlier message(s) were left out because the conversation no longer fits in the model&apos;s context window.</source>
        <translation>
            <numerusform>对话已超出模型的上下文窗口，省略了较早的 %n 条消息。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_controller.py" line="283"/>
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
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="85"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="250"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="262"/>
        <source>Chat settings</source>
        <translation>对话设置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="135"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="139"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="231"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="139"/>
        <source>Apply a preset: a system prompt and sampler values for one use of the model.</source>
        <translation>应用预设：为模型的某种用途准备的系统提示词和采样参数。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="141"/>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="143"/>
        <source>Manage presets</source>
        <translation>管理预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="143"/>
        <source>Create, change, duplicate, delete, import and export presets.</source>
        <translation>新建、修改、复制、删除、导入和导出预设。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="148"/>
        <source>Preset state</source>
        <translation>预设状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="155"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="233"/>
        <source>Prompt language</source>
        <translation>提示词语言</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="155"/>
        <source>The language of the preset&apos;s system prompt.</source>
        <translation>预设的系统提示词所用的语言。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="159"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="161"/>
        <source>Translate into</source>
        <translation>翻译为</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="159"/>
        <source>The language the Translate preset translates into.</source>
        <translation>“翻译”预设的目标语言。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="167"/>
        <source>Preset applied</source>
        <translation>已应用预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="168"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="170"/>
        <source>Undo applying the preset</source>
        <translation>撤销应用预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="177"/>
        <source>No system prompt</source>
        <translation>没有系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="178"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="236"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="178"/>
        <source>Instructions the model reads before the conversation.</source>
        <translation>模型在对话开始前读取的指示。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="186"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="238"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="186"/>
        <source>Higher is more varied, lower is more predictable.</source>
        <translation>越高越多样，越低越稳定可预测。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="187"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="239"/>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="187"/>
        <source>Sample only from the most likely tokens that together reach this probability.</source>
        <translation>只从累计概率达到此值的最可能 token 中采样。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="188"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="240"/>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="188"/>
        <source>Sample only from this many most likely tokens (0: no limit).</source>
        <translation>只从这么多个最可能的 token 中采样（0：不限制）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="189"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="241"/>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="189"/>
        <source>Leave out tokens less likely than this share of the most likely one.</source>
        <translation>排除概率低于最可能 token 的此比例的 token。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="190"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="242"/>
        <source>Repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="190"/>
        <source>Above 1 discourages repeating recent tokens.</source>
        <translation>大于 1 时会抑制重复最近出现的 token。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="191"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="243"/>
        <source>Max reply tokens</source>
        <translation>回复最大 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="191"/>
        <source>The longest reply, in tokens.</source>
        <translation>回复的最大长度（以 token 计）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="192"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="194"/>
        <source>Fixed seed</source>
        <translation>固定种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="194"/>
        <source>Off: a fresh random seed for every reply. On: the same seed, so the same prompt gives the same reply.</source>
        <translation>关闭：每次回复使用新的随机种子。开启：使用相同的种子，相同的提示会得到相同的回复。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="196"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="244"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="196"/>
        <source>The seed used for every reply while Fixed seed is on.</source>
        <translation>开启“固定种子”时每次回复所用的种子。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="198"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="245"/>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="198"/>
        <source>This chat&apos;s context limit in tokens; older turns are left out beyond it.</source>
        <translation>此对话的上下文上限（以 token 计）；超出部分将省略较早的轮次。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="200"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="202"/>
        <source>Show token probabilities</source>
        <translation>显示 token 概率</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="202"/>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="317"/>
        <source>Record how likely each reply token was, and its alternatives.</source>
        <translation>记录回复中每个 token 的概率及其候选项。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="205"/>
        <source>Save as preset…</source>
        <translation>另存为预设…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="207"/>
        <source>Save these settings as a preset</source>
        <translation>将这些设置保存为预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="209"/>
        <source>Use defaults</source>
        <translation>使用默认值</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="211"/>
        <source>Use the defaults from Preferences</source>
        <translation>使用首选项中的默认值</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="211"/>
        <source>Forget this chat&apos;s own settings and use the defaults from Preferences.</source>
        <translation>放弃此对话自己的设置，改用首选项中的默认值。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="213"/>
        <source>Changes apply to this chat&apos;s next reply. Defaults are in Preferences.</source>
        <translation>更改将用于此对话的下一条回复。默认值在首选项中设置。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="217"/>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="300"/>
        <source>Settings for a new chat</source>
        <translation>新对话的设置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="302"/>
        <source>Settings for “{title}”</source>
        <translation>“{title}”的设置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="302"/>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="318"/>
        <source>This model&apos;s server does not report token probabilities.</source>
        <translation>此模型的服务器不提供 token 概率。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="332"/>
        <source>Model&apos;s ({n})</source>
        <translation>模型自带（{n}）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="333"/>
        <source>Model&apos;s</source>
        <translation>模型自带</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="380"/>
        <source>Not from a preset.</source>
        <translation>未使用预设。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="380"/>
        <source>The preset this chat used was deleted.</source>
        <translation>此对话使用的预设已被删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="382"/>
        <source>As the preset sets it.</source>
        <translation>与预设一致。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="384"/>
        <source>Changed since the preset was applied.</source>
        <translation>应用预设后已有修改。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="414"/>
        <source>No preset</source>
        <translation>无预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="462"/>
        <source>Applied “{name}”.</source>
        <translation>已应用“{name}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="480"/>
        <source>Save as preset</source>
        <translation>另存为预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="480"/>
        <source>Name of the new preset:</source>
        <translation>新预设的名称：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="514"/>
        <source>Now using the defaults.</source>
        <translation>现在使用默认值。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="578"/>
        <source>The chat could not be created, so its settings were not saved.</source>
        <translation>无法创建对话，因此未保存其设置。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_settings_panel.py" line="585"/>
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
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="64"/>
        <source>Copied the message as Markdown.</source>
        <translation>已将消息复制为 Markdown。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="77"/>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="108"/>
        <source>Deleted the message.</source>
        <translation>已删除消息。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="77"/>
        <source>Deleted the message and {n} below it.</source>
        <translation>已删除该消息及其下方的 {n} 条消息。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="79"/>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="109"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="107"/>
        <source>{error} Try Undo again.</source>
        <translation>{error} 请再次尝试撤销。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="117"/>
        <source>Deleted the message</source>
        <translation>已删除消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="148"/>
        <source>{error} The probability view was not saved for this chat.</source>
        <translation>{error} 未能为此对话保存概率视图设置。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="155"/>
        <source>New replies in this chat record their token probabilities. Hover a token (or move the caret onto it) to see the alternatives.</source>
        <translation>此对话中的新回复会记录 token 概率。将鼠标悬停在 token 上（或把光标移到它上面）即可查看候选项。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="168"/>
        <source>Wait for the current reply to finish (or press Stop) first.</source>
        <translation>请先等待当前回复完成（或按“停止”）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/chat_view_wiring.py" line="179"/>
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
        <location filename="../../chatdesk/ui/context_meter.py" line="56"/>
        <location filename="../../chatdesk/ui/context_meter.py" line="86"/>
        <source>Context use</source>
        <translation>上下文用量</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="72"/>
        <source>Context used</source>
        <translation>已用上下文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="80"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="100"/>
        <source>Context: counting tokens…</source>
        <translation>上下文：正在计算 token…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="135"/>
        <source>Context: no model loaded</source>
        <translation>上下文：未加载模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="158"/>
        <source>Context: {reason}</source>
        <translation>上下文：{reason}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="161"/>
        <source>Context: the tokens could not be counted ({reason}).</source>
        <translation>上下文：无法计算 token 数（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="171"/>
        <source>{approx}{used} / {total} tokens</source>
        <translation>{approx}{used} / {total} 个 token</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="176"/>
        <source> · 1 earlier message will be left out</source>
        <translation> · 将省略 1 条较早的消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="178"/>
        <source> · {n} earlier messages will be left out</source>
        <translation> · 将省略 {n} 条较早的消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="179"/>
        <source>this chat&apos;s limit</source>
        <translation>此对话的上限</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="179"/>
        <source>the model&apos;s context</source>
        <translation>模型的上下文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="181"/>
        <source>The next reply reads {approx}{used} tokens: the system prompt, the conversation and your message. Up to {budget} tokens are left for the reply, of {total} tokens ({where}).</source>
        <translation>下一条回复将读取 {approx}{used} 个 token：系统提示词、对话和你的消息。在 {total} 个 token（{where}）中，最多还剩 {budget} 个 token 可用于回复。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="186"/>
        <source>The oldest messages that no longer fit are left out; they are marked in the conversation.</source>
        <translation>放不下的最早消息将被省略，并在对话中标出。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/context_meter.py" line="188"/>
        <source>Counts are estimates: the server applies its own chat template.</source>
        <translation>计数为估计值：服务器会使用自己的对话模板。</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="61"/>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="63"/>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="64"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="70"/>
        <source>Checking the {size} already downloaded…</source>
        <translation>正在检查已下载的 {size}…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="72"/>
        <source>Verifying the file&apos;s SHA-256…</source>
        <translation>正在校验文件的 SHA-256…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="74"/>
        <location filename="../../chatdesk/ui/download_dialog.py" line="442"/>
        <source>Done: {size}.</source>
        <translation>完成：{size}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="75"/>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="77"/>
        <source>{speed}/s</source>
        <translation>{speed}/秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="79"/>
        <source>{time} left</source>
        <translation>剩余 {time}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="81"/>
        <source>resumed at {size}</source>
        <translation>从 {size} 处继续</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="140"/>
        <source>Download from Hugging Face</source>
        <translation>从 Hugging Face 下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="141"/>
        <source>Download a model from Hugging Face</source>
        <translation>从 Hugging Face 下载模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="152"/>
        <source>Repository id or Hugging Face address</source>
        <translation>仓库 ID 或 Hugging Face 地址</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="153"/>
        <source>e.g. Qwen/Qwen2.5-0.5B-Instruct-GGUF, or paste an address from huggingface.co</source>
        <translation>例如 Qwen/Qwen2.5-0.5B-Instruct-GGUF，或粘贴 huggingface.co 上的地址</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="155"/>
        <source>List files</source>
        <translation>列出文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="155"/>
        <source>List the repository&apos;s GGUF files</source>
        <translation>列出仓库中的 GGUF 文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="159"/>
        <source>Suggested models that speak Chinese and English</source>
        <translation>支持中文和英文的推荐模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="164"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="164"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="174"/>
        <source>GGUF files in the repository</source>
        <translation>仓库中的 GGUF 文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="175"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="175"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="175"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="186"/>
        <location filename="../../chatdesk/ui/download_dialog.py" line="190"/>
        <source>Unfinished downloads</source>
        <translation>未完成的下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="189"/>
        <source>Unfinished downloads (kept after Cancel, an error or a restart):</source>
        <translation>未完成的下载（取消、出错或重启后保留）：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="194"/>
        <source>Download progress</source>
        <translation>下载进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="200"/>
        <source>Downloaded bytes, speed and time left</source>
        <translation>已下载字节数、速度和剩余时间</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="204"/>
        <source>Download message</source>
        <translation>下载消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="209"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="209"/>
        <source>Download the selected file</source>
        <translation>下载所选文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="211"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="212"/>
        <source>Stop the download; the part already downloaded is kept</source>
        <translation>停止下载；已下载的部分会保留</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="213"/>
        <source>Resume</source>
        <translation>继续下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="214"/>
        <source>Resume the selected unfinished download</source>
        <translation>继续所选的未完成下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="215"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="216"/>
        <source>Delete the selected unfinished download</source>
        <translation>删除所选的未完成下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="217"/>
        <source>Chat with it</source>
        <translation>用它对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="218"/>
        <source>Start a chat with the downloaded model</source>
        <translation>用下载的模型开始对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="220"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="220"/>
        <source>Close this window</source>
        <translation>关闭此窗口</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="239"/>
        <source>Hugging Face repository:</source>
        <translation>Hugging Face 仓库：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="241"/>
        <source>Suggested small models (Chinese and English; click one, then List files):</source>
        <translation>推荐的小模型（支持中英文；单击一个，然后点“列出文件”）：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="243"/>
        <source>GGUF files:</source>
        <translation>GGUF 文件：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="319"/>
        <source>Asking Hugging Face for the files of {repo}…</source>
        <translation>正在向 Hugging Face 获取 {repo} 的文件列表…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="330"/>
        <source>Listing failed: {error}</source>
        <translation>获取文件列表失败：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="346"/>
        <source>Split into {n} files; ChatDesk downloads single-file models only.</source>
        <translation>分成了 {n} 个文件；ChatDesk 只下载单文件模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="350"/>
        <source>{size} × {n} parts</source>
        <translation>{size} × {n} 个分片</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="370"/>
        <source>{repo} has no GGUF files. ChatDesk runs GGUF models; look for a repository whose name ends in -GGUF.</source>
        <translation>{repo} 中没有 GGUF 文件。ChatDesk 运行 GGUF 模型；请找名称以 -GGUF 结尾的仓库。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="373"/>
        <source> This repository is gated: accept its terms on huggingface.co and set HF_TOKEN before downloading.</source>
        <translation> 此仓库需要授权：下载前请先在 huggingface.co 上接受其条款并设置 HF_TOKEN。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="375"/>
        <source>{n} GGUF file(s) in {repo}. Pick one and press Download.</source>
        <translation>{repo} 中有 {n} 个 GGUF 文件。选择一个，然后按“下载”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="395"/>
        <source>{name} is split into {n} files, and ChatDesk downloads single-file models only. Pick a smaller quantization that comes as one file.</source>
        <translation>{name} 分成了 {n} 个文件，而 ChatDesk 只下载单文件模型。请选择一个单文件的较小量化版本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="416"/>
        <source>Connecting to Hugging Face…</source>
        <translation>正在连接 Hugging Face…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="417"/>
        <source>Downloading {name} from {repo}…</source>
        <translation>正在从 {repo} 下载 {name}…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="431"/>
        <source>stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="443"/>
        <source>{name} is in your library.</source>
        <translation>{name} 已加入你的模型库。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="452"/>
        <source>Select it under Unfinished downloads and press Resume.</source>
        <translation>在“未完成的下载”中选中它，然后按“继续下载”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="456"/>
        <source>The download stopped: ChatDesk could not write the file ({error}). The part already downloaded is kept.</source>
        <translation>下载已停止：ChatDesk 无法写入文件（{error}）。已下载的部分会保留。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="459"/>
        <source>The download stopped unexpectedly: {error}</source>
        <translation>下载意外停止：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="481"/>
        <source>{repo}/{file} — {done} of {total}</source>
        <translation>{repo}/{file}——{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/download_dialog.py" line="512"/>
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
        <location filename="../../chatdesk/ui/evaluation_window.py" line="110"/>
        <source>Built-in sample</source>
        <translation>内置样本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="125"/>
        <source>The evaluation was cancelled.</source>
        <translation>评估已取消。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="127"/>
        <source>The evaluation process stopped unexpectedly (exit status {code}).</source>
        <translation>评估进程意外停止（退出状态 {code}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="205"/>
        <source>The evaluation could not be started: {error}</source>
        <translation>无法启动评估：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="231"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="591"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="232"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="233"/>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="234"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="376"/>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="235"/>
        <source>Bits/token</source>
        <translation>比特/词元</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="236"/>
        <source>KL divergence</source>
        <translation>KL 散度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="237"/>
        <source>Top-1 agreement</source>
        <translation>Top-1 一致率</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="238"/>
        <source>Prompt tok/s</source>
        <translation>提示词元/秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="239"/>
        <source>Generation tok/s</source>
        <translation>生成词元/秒</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="240"/>
        <source>Peak memory</source>
        <translation>峰值内存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="241"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="242"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="243"/>
        <source>Measured</source>
        <translation>测量时间</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="336"/>
        <source>{path}
SHA-256 {sha}</source>
        <translation>{path}
SHA-256 {sha}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="339"/>
        <source>Compared with {name} ({type}), whose perplexity is {ppl}</source>
        <translation>与 {name}（{type}）比较，其困惑度为 {ppl}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="342"/>
        <source>{tokens} tokens scored in {windows} windows</source>
        <translation>在 {windows} 个窗口中评分了 {tokens} 个词元</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="345"/>
        <source>llama-cpp-python {version}, {threads} threads</source>
        <translation>llama-cpp-python {version}，{threads} 个线程</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="376"/>
        <source>Perplexity against file size</source>
        <translation>困惑度与文件大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="377"/>
        <source>Generation speed against file size</source>
        <translation>生成速度与文件大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="377"/>
        <source>Generation (tokens/s)</source>
        <translation>生成（词元/秒）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="378"/>
        <source>Prompt speed against file size</source>
        <translation>提示处理速度与文件大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="378"/>
        <source>Prompt processing (tokens/s)</source>
        <translation>提示处理（词元/秒）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="382"/>
        <source>What the chart shows</source>
        <translation>图表显示的内容</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="388"/>
        <source>Chart of the selected results</source>
        <translation>所选结果的图表</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="396"/>
        <source>About the chart</source>
        <translation>关于图表</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="398"/>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="399"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="462"/>
        <source>File size (MB)</source>
        <translation>文件大小（MB）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="488"/>
        <source>Select results in the table to compare them here.</source>
        <translation>在表格中选择结果，即可在此比较。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="491"/>
        <source>Different texts or window sizes: these figures do not compare.</source>
        <translation>文本或窗口大小不同：这些数字不可比较。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="539"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="540"/>
        <source>Evaluate models</source>
        <translation>评估模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="590"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="842"/>
        <source>Models to evaluate</source>
        <translation>要评估的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="591"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="591"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="603"/>
        <source>Add GGUF…</source>
        <translation>添加 GGUF…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="603"/>
        <source>Add GGUF model files to evaluate</source>
        <translation>添加要评估的 GGUF 模型文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="607"/>
        <source>Add a model from the library</source>
        <translation>从模型库添加模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="609"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="609"/>
        <source>Remove the selected models from the list</source>
        <translation>从列表中移除所选模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="616"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="847"/>
        <source>Text to evaluate on</source>
        <translation>用于评估的文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="617"/>
        <source>Built-in sample (English and Chinese)</source>
        <translation>内置样本（英文和中文）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="618"/>
        <source>A text file of mine</source>
        <translation>我自己的文本文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="621"/>
        <source>Text file</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="622"/>
        <source>a UTF-8 text file, a few thousand words or more</source>
        <translation>UTF-8 文本文件，至少几千字</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="623"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="623"/>
        <source>Choose a text file</source>
        <translation>选择文本文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="628"/>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="631"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="632"/>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="633"/>
        <source>Tokens per window. Automatic: 512, or the model&apos;s trained context if that is smaller. Each window scores its second half, as llama.cpp&apos;s llama-perplexity does; the text needs at least two windows.</source>
        <translation>每个窗口的词元数。自动：512，若模型训练时的上下文更小则取其值。与 llama.cpp 的 llama-perplexity 相同，每个窗口只为后半部分评分；文本至少需要两个窗口。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="638"/>
        <source>Windows to evaluate</source>
        <translation>要评估的窗口数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="640"/>
        <source>All the text</source>
        <translation>全部文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="641"/>
        <source>Evaluate only the first windows of the text, for a quicker estimate.</source>
        <translation>只评估文本的前几个窗口，以便更快地估算。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="645"/>
        <source>Reference for KL divergence and top-1 agreement</source>
        <translation>KL 散度和 Top-1 一致率的参照</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="646"/>
        <source>Automatic: a more precise file converted from the same checkpoint</source>
        <translation>自动：由同一检查点转换的更高精度文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="647"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="648"/>
        <source>This GGUF or original checkpoint:</source>
        <translation>此 GGUF 或原始检查点：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="649"/>
        <source>KL divergence and top-1 agreement say how far a quantized model&apos;s next-token choices are from a higher-precision version of the same model.</source>
        <translation>KL 散度和 Top-1 一致率表示量化模型的下一个词元选择与同一模型的更高精度版本相差多远。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="653"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="854"/>
        <source>Reference model</source>
        <translation>参照模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="654"/>
        <source>an F16/F32 GGUF, a Hugging Face GPT-2 folder or a nanoGPT ckpt.pt</source>
        <translation>F16/F32 GGUF、Hugging Face GPT-2 文件夹或 nanoGPT 的 ckpt.pt</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="655"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="655"/>
        <source>Choose a reference file</source>
        <translation>选择参照文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="657"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="657"/>
        <source>Choose a reference folder</source>
        <translation>选择参照文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="663"/>
        <source>Evaluation message</source>
        <translation>评估消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="669"/>
        <source>Evaluation status</source>
        <translation>评估状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="671"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="671"/>
        <source>Evaluate the models in the list</source>
        <translation>评估列表中的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="672"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="672"/>
        <source>Cancel the evaluation</source>
        <translation>取消评估</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="681"/>
        <source>Evaluation results</source>
        <translation>评估结果</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="694"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="695"/>
        <source>Export the selected results, or all of them, as CSV</source>
        <translation>将所选结果（或全部结果）导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="696"/>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="697"/>
        <source>Export the selected results, or all of them, as JSON</source>
        <translation>将所选结果（或全部结果）导出为 JSON</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="698"/>
        <source>Select several results to compare them in the chart.</source>
        <translation>选择多个结果，即可在图表中比较。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="700"/>
        <source>About the results</source>
        <translation>关于结果</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="720"/>
        <source>Windows:</source>
        <translation>窗口数：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="728"/>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="729"/>
        <source>Context:</source>
        <translation>上下文：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="730"/>
        <source>Reference:</source>
        <translation>参照：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="791"/>
        <source>Add from the library…</source>
        <translation>从模型库添加…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="812"/>
        <source>Progress of {name}</source>
        <translation>{name} 的进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="843"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="848"/>
        <source>Text files (*.txt *.md);;All files (*)</source>
        <translation>文本文件 (*.txt *.md);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="853"/>
        <source>Hugging Face model folder</source>
        <translation>Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="855"/>
        <source>Models and checkpoints (*.gguf *.pt *.bin *.safetensors);;All files (*)</source>
        <translation>模型和检查点 (*.gguf *.pt *.bin *.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="859"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="859"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="860"/>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="935"/>
        <source>Choose a text file to evaluate on, or use the built-in sample.</source>
        <translation>请选择用于评估的文本文件，或使用内置样本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="941"/>
        <source>Choose the reference model, or let ChatDesk find one automatically.</source>
        <translation>请选择参照模型，或让 ChatDesk 自动查找。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="944"/>
        <source>The reference {path} does not exist.</source>
        <translation>参照 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="948"/>
        <source>These model files do not exist (any more): {paths}</source>
        <translation>这些模型文件不存在（或已不存在）：{paths}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="960"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="963"/>
        <source>Checking the text…</source>
        <translation>正在检查文本…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="978"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1015"/>
        <source>Not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1023"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1024"/>
        <source>Evaluating {name} ({n} of {total})…</source>
        <translation>正在评估 {name}（第 {n} 个，共 {total} 个）…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1036"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1038"/>
        <source>Perplexity: window {done} of {total}</source>
        <translation>困惑度：第 {done} 个窗口，共 {total} 个</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1040"/>
        <source>, {value} so far</source>
        <translation>，目前为 {value}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1042"/>
        <source>Measuring the generation speed…</source>
        <translation>正在测量生成速度…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1044"/>
        <source>Computing the file&apos;s SHA-256…</source>
        <translation>正在计算文件的 SHA-256…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1046"/>
        <source>Comparing with the reference: window {done} of {total}</source>
        <translation>正在与参照比较：第 {done} 个窗口，共 {total} 个</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1058"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1063"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1067"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1094"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1068"/>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1095"/>
        <source>{name}: {error}</source>
        <translation>{name}：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1083"/>
        <source>Done: perplexity {value}</source>
        <translation>完成：困惑度 {value}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1093"/>
        <source>The result could not be saved: {error}</source>
        <translation>无法保存结果：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1106"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1118"/>
        <source>Cancelled. {done} of {total} models evaluated.</source>
        <translation>已取消。已评估 {done} 个模型，共 {total} 个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1120"/>
        <source>{done} of {total} models evaluated.</source>
        <translation>已评估 {done} 个模型，共 {total} 个。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1131"/>
        <source>The temporary converted files have been deleted.</source>
        <translation>临时转换的文件已删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1167"/>
        <source>The stored results could not be read: {error}</source>
        <translation>无法读取已保存的结果：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1200"/>
        <source>There are no results to export yet.</source>
        <translation>还没有可导出的结果。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1217"/>
        <source>Exported {n} result(s) to {path}.</source>
        <translation>已将 {n} 个结果导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/evaluation_window.py" line="1221"/>
        <source>The results could not be exported: {error}</source>
        <translation>无法导出结果：{error}</translation>
    </message>
</context>
<context>
    <name>ImportCheckpointDialog</name>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="69"/>
        <source>Import checkpoint</source>
        <translation>导入检查点</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="70"/>
        <source>Import a trained checkpoint</source>
        <translation>导入训练好的检查点</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="87"/>
        <source>Checkpoint file or folder</source>
        <translation>检查点文件或文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="88"/>
        <source>nanoGPT ckpt.pt, or a Hugging Face GPT-2 folder</source>
        <translation>nanoGPT 的 ckpt.pt，或 Hugging Face GPT-2 文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="89"/>
        <location filename="../../chatdesk/ui/import_dialog.py" line="109"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="89"/>
        <source>Choose a checkpoint file</source>
        <translation>选择检查点文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="90"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="90"/>
        <source>Choose a checkpoint folder</source>
        <translation>选择检查点文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="98"/>
        <location filename="../../chatdesk/ui/import_dialog.py" line="154"/>
        <location filename="../../chatdesk/ui/import_dialog.py" line="301"/>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="99"/>
        <source>the checkpoint&apos;s own (meta.pkl or tokenizer files beside it)</source>
        <translation>检查点自带的（旁边的 meta.pkl 或分词器文件）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="102"/>
        <source>GPT-2 from Hugging Face cache</source>
        <translation>使用 Hugging Face 缓存中的 GPT-2</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="103"/>
        <source>Use GPT-2&apos;s tokenizer found in the Hugging Face cache</source>
        <translation>使用在 Hugging Face 缓存中找到的 GPT-2 分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="106"/>
        <source>Download GPT-2&apos;s…</source>
        <translation>下载 GPT-2 的…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="107"/>
        <source>Download GPT-2&apos;s tokenizer from Hugging Face</source>
        <translation>从 Hugging Face 下载 GPT-2 的分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="109"/>
        <source>Choose a tokenizer file</source>
        <translation>选择分词器文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="117"/>
        <source>About the tokenizer</source>
        <translation>关于分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="121"/>
        <source>Choose a checkpoint to see what it contains.</source>
        <translation>选择一个检查点以查看其内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="123"/>
        <source>What the checkpoint contains</source>
        <translation>检查点的内容</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="127"/>
        <source>Model name</source>
        <translation>模型名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="130"/>
        <location filename="../../chatdesk/ui/import_dialog.py" line="158"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="133"/>
        <source>Conversion progress</source>
        <translation>转换进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="138"/>
        <source>Conversion status</source>
        <translation>转换状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="140"/>
        <source>Convert</source>
        <translation>转换</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="140"/>
        <source>Convert to GGUF</source>
        <translation>转换为 GGUF</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="141"/>
        <source>Compare quantizations…</source>
        <translation>比较量化…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="142"/>
        <source>Convert to several types and measure each before choosing</source>
        <translation>先转换为多种类型并逐一测量，再做选择</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="145"/>
        <location filename="../../chatdesk/ui/import_dialog.py" line="326"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="146"/>
        <source>Chat with it</source>
        <translation>用它对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="147"/>
        <source>Start a chat with the converted model</source>
        <translation>用转换后的模型开始对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="153"/>
        <source>Checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="156"/>
        <source>Found</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="157"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="186"/>
        <source>Checkpoint file</source>
        <translation>检查点文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="187"/>
        <source>Checkpoints (*.pt *.bin *.safetensors);;All files (*)</source>
        <translation>检查点 (*.pt *.bin *.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="193"/>
        <source>Hugging Face model folder</source>
        <translation>Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="212"/>
        <source>Reading the checkpoint…</source>
        <translation>正在读取检查点…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="227"/>
        <source>, step {n}</source>
        <translation>，第 {n} 步</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="228"/>
        <source>, val loss {loss}</source>
        <translation>，验证损失 {loss}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="230"/>
        <source>{format}: {layers} layers, {heads} heads, embedding {embd}, {params} M parameters, vocabulary {vocab} ({tokenizer}), context {ctx}</source>
        <translation>{format}：{layers} 层，{heads} 个注意力头，嵌入维度 {embd}，{params} M 参数，词表 {vocab}（{tokenizer}），上下文 {ctx}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="238"/>
        <source>{type} — about {size}</source>
        <translation>{type}——约 {size}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="254"/>
        <source>This checkpoint has no tokenizer of its own. nanoGPT&apos;s default training uses GPT-2&apos;s tokenizer, which is not stored in the checkpoint: choose it under Tokenizer (from the Hugging Face cache, a download or a file), and ChatDesk reads the checkpoint again.</source>
        <translation>此检查点没有自带分词器。nanoGPT 默认使用 GPT-2 的分词器训练，而它并不保存在检查点中：请在“分词器”中选择它（来自 Hugging Face 缓存、下载或文件），ChatDesk 会重新读取检查点。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="258"/>
        <source>Looking for GPT-2&apos;s tokenizer in the Hugging Face cache…</source>
        <translation>正在 Hugging Face 缓存中查找 GPT-2 的分词器…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="269"/>
        <source>GPT-2&apos;s tokenizer is already on this computer ({folder}). Press “GPT-2 from Hugging Face cache” to use it.</source>
        <translation>GPT-2 的分词器已在这台电脑上（{folder}）。按“使用 Hugging Face 缓存中的 GPT-2”即可使用。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="274"/>
        <source>GPT-2&apos;s tokenizer is not in the Hugging Face cache. “Download GPT-2&apos;s…” fetches it (about 1.5 MB) from Hugging Face, or choose a tokenizer.json, vocab.json + merges.txt or meta.pkl with “File…”.</source>
        <translation>Hugging Face 缓存中没有 GPT-2 的分词器。“下载 GPT-2 的…”会从 Hugging Face 获取它（约 1.5 MB），也可以用“文件…”选择 tokenizer.json、vocab.json + merges.txt 或 meta.pkl。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="295"/>
        <source>Using GPT-2&apos;s tokenizer from the Hugging Face cache ({repo}).</source>
        <translation>正在使用 Hugging Face 缓存中的 GPT-2 分词器（{repo}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="302"/>
        <source>Tokenizers (tokenizer.json vocab.json meta.pkl);;All files (*)</source>
        <translation>分词器 (tokenizer.json vocab.json meta.pkl);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="317"/>
        <source>Confirm downloading GPT-2&apos;s tokenizer</source>
        <translation>确认下载 GPT-2 的分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="319"/>
        <source>Download GPT-2&apos;s tokenizer</source>
        <translation>下载 GPT-2 的分词器</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="320"/>
        <source>Download GPT-2&apos;s tokenizer (vocab.json and merges.txt, about 1.5 MB) from Hugging Face ({repo})? It is kept in ChatDesk&apos;s data folder for later imports.</source>
        <translation>要从 Hugging Face（{repo}）下载 GPT-2 的分词器（vocab.json 和 merges.txt，约 1.5 MB）吗？它会保存在 ChatDesk 的数据文件夹中，供以后导入使用。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="322"/>
        <location filename="../../chatdesk/ui/import_dialog.py" line="324"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="353"/>
        <source>Downloading GPT-2&apos;s tokenizer: {file}, {progress}</source>
        <translation>正在下载 GPT-2 的分词器：{file}，{progress}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="361"/>
        <source>Downloaded GPT-2&apos;s tokenizer to {folder}.</source>
        <translation>已将 GPT-2 的分词器下载到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="377"/>
        <source>Connecting to Hugging Face…</source>
        <translation>正在连接 Hugging Face…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="391"/>
        <source>Converting…</source>
        <translation>正在转换…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="402"/>
        <source>Converted to {path}</source>
        <translation>已转换为 {path}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="448"/>
        <source>It could not be added to the library: {error}</source>
        <translation>无法将其加入模型库：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="475"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="485"/>
        <source>Could not start the converter: {error}</source>
        <translation>无法启动转换程序：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/import_dialog.py" line="516"/>
        <source>The converter stopped unexpectedly (exit code {code}).</source>
        <translation>转换程序意外停止（退出码 {code}）。</translation>
    </message>
</context>
<context>
    <name>InferenceWorker</name>
    <message>
        <location filename="../../chatdesk/ui/worker.py" line="127"/>
        <source>Could not load {model}: {problem}</source>
        <translation>无法加载 {model}：{problem}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/worker.py" line="147"/>
        <source>No model is loaded, so there is no reply.</source>
        <translation>未加载模型，因此没有回复。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/worker.py" line="158"/>
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
        <location filename="../../chatdesk/ui/library_window.py" line="88"/>
        <source>Bundled</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="89"/>
        <source>Imported checkpoint</source>
        <translation>导入的检查点</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="90"/>
        <source>Added file</source>
        <translation>添加的文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="91"/>
        <source>Hugging Face cache</source>
        <translation>Hugging Face 缓存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="92"/>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="93"/>
        <source>Remote</source>
        <translation>远程</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="114"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="114"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="114"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="114"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="114"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="114"/>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="115"/>
        <source>Chat template</source>
        <translation>对话模板</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="115"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="115"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="115"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="151"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="153"/>
        <source>Cannot be used</source>
        <translation>无法使用</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="155"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="157"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="158"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="204"/>
        <source>server&apos;s</source>
        <translation>由服务器决定</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="205"/>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="205"/>
        <source>no</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="224"/>
        <location filename="../../chatdesk/ui/library_window.py" line="225"/>
        <source>Model library</source>
        <translation>模型库</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="238"/>
        <source>Filter by name, architecture, quantization or source</source>
        <translation>按名称、架构、量化或来源筛选</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="239"/>
        <source>Filter models</source>
        <translation>筛选模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="253"/>
        <source>Models in the library</source>
        <translation>模型库中的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="274"/>
        <source>Details of the selected model</source>
        <translation>所选模型的详细信息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="280"/>
        <source>Library message</source>
        <translation>模型库消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="285"/>
        <source>Add GGUF…</source>
        <translation>添加 GGUF…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="285"/>
        <source>Add a GGUF model file from disk</source>
        <translation>从磁盘添加 GGUF 模型文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="286"/>
        <source>Scan Hugging Face cache</source>
        <translation>扫描 Hugging Face 缓存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="287"/>
        <source>Find GGUF models already in the Hugging Face cache (no network)</source>
        <translation>查找 Hugging Face 缓存中已有的 GGUF 模型（无需联网）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="288"/>
        <source>Download from the Hub…</source>
        <translation>从 Hub 下载…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="289"/>
        <source>Download a GGUF model from Hugging Face</source>
        <translation>从 Hugging Face 下载 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="290"/>
        <source>Connect to a server…</source>
        <translation>连接服务器…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="291"/>
        <source>Add models served by an OpenAI-compatible server</source>
        <translation>添加兼容 OpenAI 的服务器提供的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="292"/>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="292"/>
        <source>Remove the selected model</source>
        <translation>移除所选模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="293"/>
        <source>Set as default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="294"/>
        <source>Start ChatDesk with the selected model</source>
        <translation>启动 ChatDesk 时使用所选模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="295"/>
        <source>Chat with it</source>
        <translation>用它对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="296"/>
        <source>Start a new chat with the selected model</source>
        <translation>用所选模型开始新对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="297"/>
        <source>Evaluate…</source>
        <translation>评估…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="298"/>
        <source>Measure the selected models: perplexity, speed, memory</source>
        <translation>测量所选模型：困惑度、速度、内存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="299"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="299"/>
        <source>Close the model library</source>
        <translation>关闭模型库</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="416"/>
        <source>Model {model} on {url}</source>
        <translation>{url} 上的模型 {model}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="421"/>
        <source>From Hugging Face: {repo}/{file}</source>
        <translation>来自 Hugging Face：{repo}/{file}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="455"/>
        <source>ChatDesk could not read or write a file ({error}).</source>
        <translation>ChatDesk 无法读取或写入文件（{error}）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="457"/>
        <source>Something went wrong: {error}</source>
        <translation>出了点问题：{error}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="474"/>
        <source>Add a GGUF model</source>
        <translation>添加 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="475"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="486"/>
        <source>The library is still being read; try again in a moment.</source>
        <translation>模型库仍在读取中，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="492"/>
        <source>Added {name} to the library.</source>
        <translation>已将 {name} 加入模型库。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="495"/>
        <source>{name} was not added. </source>
        <translation>未添加 {name}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="504"/>
        <source>Found {n} model(s) in the Hugging Face cache.</source>
        <translation>在 Hugging Face 缓存中找到 {n} 个模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="506"/>
        <source>No GGUF models were found in the Hugging Face cache.</source>
        <translation>在 Hugging Face 缓存中没有找到 GGUF 模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="508"/>
        <source>Skipped: {reasons}</source>
        <translation>已跳过：{reasons}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="521"/>
        <source>{name} is now the default model: ChatDesk starts with it.</source>
        <translation>{name} 现在是默认模型：ChatDesk 启动时会使用它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="531"/>
        <source>This model&apos;s file is missing.</source>
        <translation>此模型的文件不见了。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="552"/>
        <source>Remove model</source>
        <translation>移除模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="553"/>
        <source>Confirm removing a model</source>
        <translation>确认移除模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="555"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="558"/>
        <source>Remove {name} from the library? The server connection stays saved.</source>
        <translation>要从模型库中移除 {name} 吗？服务器连接仍会保存。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="559"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="563"/>
        <source>Remove {name} and delete its file ({size})? ChatDesk made this copy in its data folder; it cannot be undone.

{path}</source>
        <translation>要移除 {name} 并删除其文件（{size}）吗？这是 ChatDesk 在其数据文件夹中创建的副本；此操作无法撤销。

{path}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="565"/>
        <location filename="../../chatdesk/ui/library_window.py" line="573"/>
        <source>Remove and delete the file</source>
        <translation>移除并删除文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="569"/>
        <source>Remove {name} from the library? The file is yours: it stays on disk unless you choose to delete it too.

{path}</source>
        <translation>要从模型库中移除 {name} 吗？这个文件属于你：除非你选择一并删除，否则它会留在磁盘上。

{path}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="571"/>
        <source>Remove, keep the file</source>
        <translation>移除，保留文件</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="609"/>
        <source>Removed {name} and deleted its file.</source>
        <translation>已移除 {name} 并删除其文件。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="611"/>
        <source>Removed {name} from the library; the file is still at {path}.</source>
        <translation>已从模型库中移除 {name}；文件仍在 {path}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/library_window.py" line="613"/>
        <source>Removed {name} from the library.</source>
        <translation>已从模型库中移除 {name}。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="53"/>
        <source>ChatDesk main window</source>
        <translation>ChatDesk 主窗口</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="83"/>
        <source>Model in use</source>
        <translation>正在使用的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="86"/>
        <source>Model loading progress</source>
        <translation>模型加载进度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="89"/>
        <source>Loading %p%</source>
        <translation>正在加载 %p%</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="92"/>
        <source>Reply statistics</source>
        <translation>回复统计</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="155"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="156"/>
        <source>&amp;New chat</source>
        <translation>新对话(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="157"/>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="159"/>
        <source>Import &amp;checkpoint…</source>
        <translation>导入检查点(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="162"/>
        <source>Converting checkpoints needs a Python install: run chatdesk-convert.</source>
        <translation>转换检查点需要安装 Python：请运行 chatdesk-convert。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="164"/>
        <source>&amp;Export chat…</source>
        <translation>导出对话(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="165"/>
        <source>Export &amp;all chats…</source>
        <translation>导出全部对话(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="166"/>
        <source>&amp;Import transcript…</source>
        <translation>导入对话记录(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="168"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="169"/>
        <source>&amp;Chat</source>
        <translation>对话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="171"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="172"/>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="173"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="175"/>
        <source>S&amp;ettings…</source>
        <translation>设置(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="203"/>
        <source>Loading {name}…</source>
        <translation>正在加载 {name}…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="212"/>
        <source>loaded in {ms} ms</source>
        <translation>加载用时 {ms} ms</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="229"/>
        <source>{problem}  Still chatting with {name}.</source>
        <translation>{problem} 仍在使用 {name} 对话。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="233"/>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="235"/>
        <source>Use File → Open model… to choose another model.</source>
        <translation>请用“文件 → 打开模型…”选择其他模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="240"/>
        <source>, GPU layers {n}</source>
        <translation>，GPU 层数 {n}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="242"/>
        <source>{name} · {quantization} · context {n_ctx}{gpu}</source>
        <translation>{name} · {quantization} · 上下文 {n_ctx}{gpu}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="265"/>
        <source>Open a GGUF model</source>
        <translation>打开 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="266"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="287"/>
        <source>ChatDesk will use the new language the next time it starts.</source>
        <translation>ChatDesk 下次启动时将使用新的语言。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="295"/>
        <source>Could not save settings: {error}.</source>
        <translation>无法保存设置：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="320"/>
        <location filename="../../chatdesk/ui/main_window.py" line="321"/>
        <source>Opening a long conversation…</source>
        <translation>正在打开一段很长的对话…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="340"/>
        <source>This chat was held with {name}, which is no longer available; it continues with the current model.</source>
        <translation>此对话使用的是 {name}，但它已不可用；将改用当前模型继续。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="356"/>
        <source>Rename chat</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="356"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="371"/>
        <source>Delete this chat? You can undo for {seconds} seconds.</source>
        <translation>要删除此对话吗？{seconds} 秒内可以撤销。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/main_window.py" line="372"/>
        <source>Delete these %n chats? You can undo for {seconds} seconds.</source>
        <translation>
            <numerusform>要删除这 %n 个对话吗？{seconds} 秒内可以撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="373"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="380"/>
        <source>{problem} The chats were not deleted.</source>
        <translation>{problem} 对话未被删除。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/main_window.py" line="384"/>
        <source>Deleted %n chat(s).</source>
        <translation>
            <numerusform>已删除 %n 个对话。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="385"/>
        <location filename="../../chatdesk/ui/main_window.py" line="396"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="395"/>
        <source>{problem} The deleted chats are kept in the trash; try Undo again.</source>
        <translation>{problem} 已删除的对话仍保留在回收站中；请再次尝试撤销。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="438"/>
        <source>Wait for the current reply to finish (or press Stop) first.</source>
        <translation>请先等待当前回复完成（或按“停止”）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="471"/>
        <source>Regenerating with the same settings, but the same text is not guaranteed: {reasons}.</source>
        <translation>正在使用相同设置重新生成，但不保证得到相同的文本：{reasons}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="479"/>
        <source>Edit message</source>
        <translation>编辑消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="479"/>
        <source>Your message:</source>
        <translation>你的消息：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="483"/>
        <source>Your edited text is in the message box.</source>
        <translation>编辑后的文本已放在消息框中。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatdesk/ui/main_window.py" line="503"/>
        <source>{speed} tok/s · first token {ttft} ms · %n token(s)</source>
        <translation>
            <numerusform>{speed} token/秒 · 首个 token {ttft} ms · %n 个 token</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="505"/>
        <source> · {n} cached</source>
        <translation> · {n} 个来自缓存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/main_window.py" line="510"/>
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
    <name>ModelActions</name>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="125"/>
        <source>The model library could not be read ({error}); ChatDesk started with the bundled model.</source>
        <translation>无法读取模型库（{error}）；ChatDesk 已使用内置模型启动。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="136"/>
        <source>The default model {name} cannot be used: {problem} ChatDesk started with the bundled model; choose another default in File → Models….</source>
        <translation>无法使用默认模型 {name}：{problem} ChatDesk 已使用内置模型启动；请在“文件 → 模型…”中选择其他默认模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="138"/>
        <source>its file is missing.</source>
        <translation>它的文件不见了。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="160"/>
        <source>The model ChatDesk used last ({name}) cannot be used: {error} ChatDesk started with the library&apos;s default model instead.</source>
        <translation>无法使用 ChatDesk 上次使用的模型（{name}）：{error} ChatDesk 已改用模型库中的默认模型启动。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="179"/>
        <location filename="../../chatdesk/ui/model_actions.py" line="184"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="181"/>
        <source>Model toolbar</source>
        <translation>模型工具栏</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="183"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="190"/>
        <source>Library…</source>
        <translation>模型库…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="191"/>
        <location filename="../../chatdesk/ui/model_actions.py" line="194"/>
        <source>Open the model library</source>
        <translation>打开模型库</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="272"/>
        <source>Could not save settings: {error}.</source>
        <translation>无法保存设置：{error}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="279"/>
        <source>Wait for the current reply to finish (or press Stop) before switching models.</source>
        <translation>请先等待当前回复完成（或按“停止”），再切换模型。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="283"/>
        <source>{name} is no longer available; its file has moved or been deleted.</source>
        <translation>{name} 已不可用；它的文件已被移动或删除。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="298"/>
        <source>Wait for the current reply to finish (or press Stop) first.</source>
        <translation>请先等待当前回复完成（或按“停止”）。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="351"/>
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="352"/>
        <source>&amp;Download from the Hub…</source>
        <translation>从 Hub 下载(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_actions.py" line="353"/>
        <source>Connect to a &amp;server…</source>
        <translation>连接服务器(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../chatdesk/ui/model_picker.py" line="78"/>
        <source>Model for this conversation</source>
        <translation>此对话使用的模型</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_picker.py" line="79"/>
        <source>The model this conversation talks to. Choosing another one loads it in the background.</source>
        <translation>此对话所用的模型。选择其他模型会在后台加载它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_picker.py" line="121"/>
        <source>{name} (remote)</source>
        <translation>{name}（远程）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_picker.py" line="128"/>
        <source>Its file is missing.</source>
        <translation>它的文件不见了。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/model_picker.py" line="135"/>
        <source>{name} (not in the library)</source>
        <translation>{name}（不在模型库中）</translation>
    </message>
</context>
<context>
    <name>PresetDialog</name>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="71"/>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="72"/>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="85"/>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="157"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="92"/>
        <source>Preset name</source>
        <translation>预设名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="97"/>
        <source>Language of the texts shown</source>
        <translation>所显示文本的语言</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="104"/>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="125"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="108"/>
        <source>Write {target_language} where the chosen target language goes.</source>
        <translation>在需要填入目标语言的位置写 {target_language}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="110"/>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="115"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="116"/>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="117"/>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="118"/>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="119"/>
        <source>Repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="120"/>
        <source>Max reply tokens</source>
        <translation>回复最大 token 数</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="123"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="124"/>
        <source>Texts in</source>
        <translation>文本语言</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="144"/>
        <source>Built-in presets cannot be changed or deleted. Duplicate one to make your own version.</source>
        <translation>内置预设不能修改或删除。复制一份即可制作你自己的版本。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="146"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="151"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="163"/>
        <source>Use in this chat</source>
        <translation>在此对话中使用</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="165"/>
        <source>New from this chat</source>
        <translation>从此对话新建</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="167"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="168"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="169"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="170"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="171"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="174"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="217"/>
        <source>{name} (built-in)</source>
        <translation>{name}（内置）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="336"/>
        <source>“{name}” is now used in this chat.</source>
        <translation>此对话现在使用“{name}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="343"/>
        <source>My preset</source>
        <translation>我的预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="364"/>
        <source>Made “{name}”; change it here.</source>
        <translation>已创建“{name}”；可以在这里修改它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="380"/>
        <source>Deleted “{name}”.</source>
        <translation>已删除“{name}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="382"/>
        <source>Deleted {n} presets.</source>
        <translation>已删除 {n} 个预设。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="385"/>
        <source>Import presets</source>
        <translation>导入预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="385"/>
        <source>ChatDesk presets (*.json);;All files (*)</source>
        <translation>ChatDesk 预设 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="392"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="394"/>
        <source>{name} could not be read ({reason}); nothing was imported.</source>
        <translation>无法读取 {name}（{reason}）；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="409"/>
        <source>Imported “{name}”.</source>
        <translation>已导入“{name}”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="411"/>
        <source>Imported {n} presets.</source>
        <translation>已导入 {n} 个预设。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="415"/>
        <source>Import failed: {reason}</source>
        <translation>导入失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="424"/>
        <source>Export presets</source>
        <translation>导出预设</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="424"/>
        <source>ChatDesk presets (*.json)</source>
        <translation>ChatDesk 预设 (*.json)</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="434"/>
        <source>Exported {n} preset(s) to {path}.</source>
        <translation>已将 {n} 个预设导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/preset_dialog.py" line="439"/>
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
        <location filename="../../chatdesk/ui/remote_dialog.py" line="201"/>
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
        <location filename="../../chatdesk/ui/remote_dialog.py" line="180"/>
        <source>New connection</source>
        <translation>新连接</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="206"/>
        <source>saved key kept (type to replace it)</source>
        <translation>已保留保存的密钥（输入新密钥可替换）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="206"/>
        <source>none saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="232"/>
        <source>Asking {url} for its models…</source>
        <translation>正在向 {url} 查询模型…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="249"/>
        <source>The server at {url} does not list its models. Type the id of the model to use below.</source>
        <translation>{url} 上的服务器不提供模型列表。请在下方输入要使用的模型 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="260"/>
        <source>{n} model(s) on the server. Choose the ones to add and press Add to library.</source>
        <translation>服务器上有 {n} 个模型。选择要添加的模型，然后按“加入模型库”。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="263"/>
        <source>The server lists no models. Type the id of the model to use below.</source>
        <translation>服务器没有列出任何模型。请在下方输入要使用的模型 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="289"/>
        <source>Choose a model from the list, or type its id.</source>
        <translation>请从列表中选择模型，或输入其 ID。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="338"/>
        <source>Added to the library: {names}. Pick it in the model list of the main window.</source>
        <translation>已加入模型库：{names}。请在主窗口的模型列表中选择它。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/remote_dialog.py" line="346"/>
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
        <location filename="../../chatdesk/ui/transcript_actions.py" line="21"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="22"/>
        <source>ChatDesk JSON (all branches, re-importable)</source>
        <translation>ChatDesk JSON（包含所有分支，可重新导入）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="23"/>
        <source>Web page (HTML)</source>
        <translation>网页（HTML）</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="24"/>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="39"/>
        <source>Open or select a chat to export first.</source>
        <translation>请先打开或选择要导出的对话。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="43"/>
        <source>Export chats</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="48"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="52"/>
        <source>Exported %n chat(s) to {path}.</source>
        <translation>已将 %n 个对话导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="61"/>
        <source>Nothing new: all %n conversation(s) in the file are already in ChatDesk.</source>
        <translation>没有新内容：文件中的全部 %n 个对话都已在 ChatDesk 中。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="63"/>
        <source>Imported {conversations} and {messages}.</source>
        <translation>已导入{conversations}和{messages}。</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="64"/>
        <source>%n conversation(s)</source>
        <translation> %n 个对话</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="65"/>
        <source>%n message(s)</source>
        <translation> %n 条消息</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="70"/>
        <source>Import a ChatDesk JSON transcript</source>
        <translation>导入 ChatDesk JSON 对话记录</translation>
    </message>
    <message>
        <location filename="../../chatdesk/ui/transcript_actions.py" line="71"/>
        <source>ChatDesk transcript (*.json)</source>
        <translation>ChatDesk 对话记录 (*.json)</translation>
    </message>
</context>
</TS>
