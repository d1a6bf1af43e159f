"""Simplified Chinese for every string the app shows: English (the key) -> Chinese.

Terms as the Chinese ML community writes them: 转置卷积 (transposed convolution), 卷积 (convolution),
步长 (stride), 填充 (padding), 膨胀 / 空洞卷积 (dilation), 卷积核 (kernel), 输出形状 (output shape),
输入尺寸 (input size), 通道 (channel), 梯度 (gradient), 棋盘格伪影 (checkerboard artifacts),
编码器–解码器 (encoder–decoder), 亚像素 / 多相 (sub-pixel / polyphase). Framework messages are
never translated. A key with ``{name}`` is a template: its Chinese must use the same names.

One dict per part of the app, merged at the end, so the parts can grow independently.
"""

COMMON = {
    # --- shared by every page: sidebar, header, link notes -----------------------------------
    "Language": "语言",
    "Presentation mode": "演示模式",
    "Figure first, large type and figures drawn for a projector; kept across pages and in the link.":
        "图放在最前，大字号，图按投影尺寸绘制；切换页面和分享链接时保持不变。",
    "Ask me first (predict, then reveal)": "先让我猜（先预测，再揭晓）",
    "Before an answer is shown, commit to a guess. Turn off to present the answers directly.":
        "揭晓答案之前先写下你的猜测。关闭后直接显示答案（适合讲课演示）。",
    "Link parameter ignored: {note}": "已忽略链接参数：{note}",
    "Home": "首页",
    "Forward convolution": "前向卷积",
    "Transposed convolution": "转置卷积",
    "Shape explorer": "形状探索器",
    "Error decoder": "报错解读",
    "Gradient": "梯度",
    "Checkerboard artifacts": "棋盘格伪影",
    "Encoder decoder": "编码器–解码器",
    "Translator": "框架翻译",
    "Misconceptions": "常见误区",
    "The transposed-convolution lab": "转置卷积实验室",
    # --- page titles and captions ----------------------------------------------------------------
    "🔲 Forward convolution": "🔲 前向卷积",
    "The window slides over the padded input; each step is one dot product. The address bar holds this exact view: copy it to share.":
        "窗口在填充后的输入上滑动，每一步是一次点积。地址栏保存了当前这一视图：复制它即可分享。",
    "🔁 Transposed convolution": "🔁 转置卷积",
    "The forward convolution run backwards, three ways, on the same numbers. The address bar holds this exact view: copy it to share.":
        "把前向卷积反过来运行：同一组数字，三种看法。地址栏保存了当前这一视图：复制它即可分享。",
    "∇ The gradient connection": "∇ 与梯度的关系",
    "Why conv2d_transpose must be told its output shape, and why TF checks it: the gradient of a transposed conv *is* a forward conv (and the other way round). Everything below is computed live on the same seeded numbers. The link holds every control.":
        "为什么 conv2d_transpose 必须给出输出形状，TF 又为什么要检查它：转置卷积的梯度*就是*一次前向卷积（反之亦然）。下面的一切都在同一组带种子的数字上实时计算。链接保存了每个控件的状态。",
    "🏁 Checkerboard artifacts": "🏁 棋盘格伪影",
    "A transposed conv stamps the kernel every *stride* cells and adds up the overlaps. When the kernel size is not a multiple of the stride, some output cells get more stamps than others — and every picture it makes carries that pattern (Odena, Dumoulin & Olah, Distill 2016).":
        "转置卷积每隔 *步长* 个格子盖一次卷积核的“印章”，重叠处相加。当卷积核大小不是步长的整数倍时，有些输出格子被盖的次数比别的多——它生成的每一张图都带着这种图案（Odena、Dumoulin 与 Olah，Distill 2016）。",
    "🔁 Encoder–decoder chains": "🔁 编码器–解码器链",
    "Where does a real network's shape break? Build a chain of convs and transposed convs, see every intermediate size in TensorFlow, Keras, PyTorch, JAX and ONNX, the first layer that fails with the framework's own message, and changes that fix it. The link holds the whole chain.":
        "真实网络的形状在哪里出错？搭一串卷积和转置卷积，查看 TensorFlow、Keras、PyTorch、JAX 和 ONNX 中每一层的中间尺寸、第一个出错的层及框架自己的报错，以及能修复它的改动。链接保存了整条链。",
    "🔀 Translator": "🔀 框架翻译",
    "One transposed-conv layer, written in five frameworks: the arguments, the weight permutation (and flip) that carries the same weights over, the padding — and proof: convt's adapters run every version on the same numbers. The link holds every control.":
        "同一个转置卷积层，用五个框架来写：参数、让同一组权重通用的维度重排（以及翻转）、填充——并给出证明：convt 的适配器在同一组数字上运行每个版本。链接保存了每个控件的状态。",
    "🔎 Error decoder": "🔎 报错解读",
    "Paste the error your conv2d_transpose / Conv2DTranspose / ConvTranspose2d / lax.conv_transpose / ONNX ConvTranspose or a skip connection's concat printed, or the whole traceback. The decoder reads its numbers, says what they mean and what to change.":
        "粘贴 conv2d_transpose / Conv2DTranspose / ConvTranspose2d / lax.conv_transpose / ONNX ConvTranspose 或跳跃连接的 concat 打印的报错，或整个 traceback。解读器读出其中的数字，说明它们的含义以及该改什么。",
    "📐 Shape explorer": "📐 形状探索器",
    "Which output sizes does a transposed convolution accept, and what does each framework print when it refuses? Every control is in the link: share it to show this exact view.":
        "转置卷积接受哪些输出尺寸？每个框架拒绝时会打印什么？每个控件都保存在链接里：分享它就能展示这一视图。",
    "🔁 Transposed convolution, and why its shapes fail": "🔁 转置卷积，以及它的形状为什么会出错",
    # --- predict, then reveal ------------------------------------------------------------------
    "Predict first": "先预测",
    "Your guess": "你的猜测",
    "Check my guess": "核对我的猜测",
    "Just show me": "直接告诉我",
    "Right: {answer}.": "答对了：{answer}。",
    "Not quite: you said {guess}; the answer is {answer}.": "不对：你的答案是 {guess}，正确答案是 {answer}。",
    "The answer: {answer}.": "答案：{answer}。",
    "yes": "是",
    "no": "否",
    "none": "无",
    "You marked {guess}; the answer is {answer}.": "你选了 {guess}；正确答案是 {answer}。",
    "missing {cells}": "漏选 {cells}",
    "extra {cells}": "多选 {cells}",
    "Pick an answer first.": "请先给出一个答案。",
    "Pick the ones you expect": "选出你预期的那些",
}

ANIMATION = {
    "▶ Play in the browser ({n} frames: drawn once, then every step is instant)":
        "▶ 在浏览器中播放（{n} 帧：只绘制一次，之后每一步都即时显示）",
    # --- forward and transposed convolution pages (pages 1, 2; ui/anim_widgets) ---------------
    # --- present (branch present): pages 1, 2, ui/anim_widgets, lab/animation, the player ---------
    "Example numbers (seed)": "示例数字（随机种子）",
    "Output size, written out with these numbers": "输出尺寸：代入这些数字逐步写出",
    "Run it backwards: the transposed conv from {a} back to {b} →": "反过来运行：从 {a} 回到 {b} 的转置卷积 →",
    "Replaying the steps gives exactly the kernel's output (convt.kernels_nd.conv_forward, {nd}-D):":
        "逐步重放的结果与卷积内核的输出完全一致（convt.kernels_nd.conv_forward，{nd}-D）：",
    "The steps disagree with the kernel.": "逐步结果与卷积内核不一致。",
    "Show me the code that computed these steps": "给我看计算这些步骤的代码",
    "Output size": "输出尺寸",
    "View": "视图",
    "every size TensorFlow accepts for this input (output_shape)": "TensorFlow 对这个输入接受的每一个尺寸（output_shape）",
    "Step the matrix by": "矩阵的步进方式",
    "column (scatter order: one input cell)": "按列（散射顺序：一个输入格子）",
    "row (gather order: one output cell)": "按行（聚集顺序：一个输出格子）",
    "The matrix Cᵀ would have {rows} rows and {cols} columns; the matrix view is capped at {cap}. Showing the scatter view instead — make the sizes smaller.":
        "矩阵 Cᵀ 会有 {rows} 行、{cols} 列；矩阵视图的上限是 {cap}。改为显示散射视图——请把尺寸调小。",
    "Sizes, written out with these numbers": "各个尺寸：代入这些数字逐步写出",
    "All three views give the same output, equal to the kernel's (convt.kernels_nd.conv_transpose, {nd}-D): scatter = direct conv with the {turned} kernel = Cᵀ·vec(x).":
        "三种视图给出相同的输出，与卷积内核的结果一致（convt.kernels_nd.conv_transpose，{nd}-D）：散射 = 卷积核{turned}后的直接卷积 = Cᵀ·vec(x)。",
    "rotated": "旋转 180°",
    "The views disagree with the kernel.": "各视图与卷积内核的结果不一致。",
    "See output size {n} in the shape explorer": "在形状探索器中查看输出尺寸 {n}",
    "Output size **{n}** is not valid:": "输出尺寸 **{n}** 无效：",
    "{n} steps are too many for the browser player and the GIF (at most {most}); step through them with the slider, or make the sizes smaller.":
        "{n} 步对浏览器播放器和 GIF 来说太多了（最多 {most} 步）；请用滑块逐步查看，或把尺寸调小。",
    "Dimensions": "维度",
    "1-D (one row)": "1-D（一行）",
    "2-D": "2-D",
    "Input size": "输入尺寸",
    "Kernel size": "卷积核大小",
    "Stride": "步长",
    "Dilation": "膨胀率",
    "Padding": "填充",
    "explicit": "显式",
    "Explicit padding": "显式填充",
    "◀ Back": "◀ 上一步",
    "Next ▶": "下一步 ▶",
    "Speed (frames / s)": "速度（帧 / 秒）",
    "1-D: one row of cells, every overlap visible — the warm-up. 3-D: see the shape explorer.":
        "1-D：一行格子，每处重叠都看得见——热身用。3-D：请看形状探索器。",
    "height = width, at most {n}": "高 = 宽，最多 {n}",
    "at most {n}": "最多 {n}",
    "SAME and VALID as in TensorFlow; explicit: the same number of cells on every side":
        "SAME 和 VALID 与 TensorFlow 相同；显式：每一边填充相同数量的格子",
    "0 … (k−1)·d = {top} for the animation": "动画中为 0 … (k−1)·d = {top}",
    "one step back": "后退一步",
    "one step forward": "前进一步",
    "Step": "步",
    "an exact step (rendered on the server)": "精确的某一步（在服务器上绘制）",
    "for the browser player and the GIF": "用于浏览器播放器和 GIF",
    "Step on the server: each step's numbers as text": "在服务器上逐步查看：每一步的数字（文本）",
    "Output so far (· = not computed yet)": "目前为止的输出（· = 尚未计算）",
    "The output as numbers ({rows} rows)": "输出的数字（{rows} 行）",
    "Step {cur} is past the last step of this configuration; showing step {n} of {n}.":
        "第 {cur} 步超出了这个配置的最后一步；显示第 {n} 步（共 {n} 步）。",
    "Channels: how the filter [h, w, out_channels, in_channels] maps channels":
        "通道：卷积核 [h, w, out_channels, in_channels] 如何映射通道",
    "Input channels (of x)": "输入通道数（x 的）",
    "Output channels": "输出通道数",
    "Each output channel is the **sum over input channels** of a one-channel transposed conv with its own k×k filter slice. The filter is the forward conv's filter seen from the other side: the forward conv maps out_channels → in_channels with it.":
        "每个输出通道都是对各输入通道做单通道转置卷积（各用自己的 k×k 卷积核切片）后的**求和**。这个卷积核就是前向卷积的卷积核，只是从另一侧看：前向卷积用它把 out_channels → in_channels。",
    "Checked on seeded numbers: summing the {cin}×{cout} one-channel transposes equals convt.kernels.conv2d_transpose with all channels at once.":
        "已在带种子的数字上核对：把 {cin}×{cout} 个单通道转置卷积相加，等于 convt.kernels.conv2d_transpose 一次处理全部通道的结果。",
    "The per-channel sums do not match the multi-channel kernel.": "逐通道求和与多通道内核的结果不一致。",
    "Colours": "颜色",
    "blue: input data (dark blue: the cells used in this step)": "蓝色：输入数据（深蓝：这一步用到的格子）",
    "grey: padding": "灰色：填充",
    "yellow: zeros inserted between inputs": "黄色：输入之间插入的零",
    "orange: kernel taps and the sliding window": "橙色：卷积核的各个抽头和滑动窗口",
    "green: output cells (dark green: the one being written)": "绿色：输出格子（深绿：正在写入的那个）",
    "dashed green frame: the output window kept from the full transposed output": "绿色虚线框：从完整转置输出中保留下来的输出窗口",
    "dashed dark frame: the real input inside the padding": "深色虚线框：填充包围中的真实输入",
    "Scatter (stamp and sum)": "散射（盖印并求和）",
    "Direct conv (zeros inserted, kernel rotated 180°)": "直接卷积（插入零，卷积核旋转 180°）",
    "Matrix Cᵀ": "矩阵 Cᵀ",
    # the player (lab.draw.export.PLAYER_WORDS) and its help line
    "▶ Play": "▶ 播放",
    "‖ Pause": "‖ 暂停",
    "Full screen": "全屏",
    "speed": "速度",
    "fps": "帧/秒",
    "step back": "后退一步",
    "play / pause": "播放 / 暂停",
    "step forward": "前进一步",
    "full screen (Esc leaves)": "全屏（按 Esc 退出）",
    "scrub to a step": "拖到某一步",
    "▶ Play in the browser — space plays / pauses, ← / → step (PageUp / PageDown from a presentation clicker), F full screen. The step goes into the address bar, so a copied link opens on it.":
        "▶ 在浏览器中播放——空格键播放 / 暂停，← / → 逐步（演示翻页笔的 PageUp / PageDown 也可以），F 全屏。当前步会写进地址栏，复制的链接会从这一步打开。",
    # readability (lab.animation.numbers_note, CAPS_TEXT)
    "At these sizes the cells are too small for their numbers: the figure shows colours only (legend below); every number is in the step text and the output below.":
        "在这些尺寸下格子太小，放不下数字：图中只显示颜色（图例见下）；所有数字都在下面的步骤文字和输出中。",
    "At these sizes the cell numbers are only about {px} px high; every number is also in the step text and the output below.":
        "在这些尺寸下格子里的数字只有约 {px} 像素高；所有数字也都在下面的步骤文字和输出中。",
    "Animations are capped at input ≤ {i}, kernel ≤ {k}, stride ≤ {s}, dilation ≤ {d} and explicit padding ≤ (k−1)·d, so that one figure holds every cell.":
        "动画的上限：输入 ≤ {i}，卷积核 ≤ {k}，步长 ≤ {s}，膨胀 ≤ {d}，显式填充 ≤ (k−1)·d，这样一张图能容纳所有格子。",
    "Where a cell gets too small for its number, the page says so and the numbers are in the text.":
        "当格子小到放不下数字时，页面会说明，数字则写在文字里。",
    # size lines and formulas (lab.animation)
    "**Input x {a} → output y {b}** · kernel {k} · stride {s} · dilation {d} · {pad}":
        "**输入 x {a} → 输出 y {b}** · 卷积核 {k} · 步长 {s} · 膨胀 {d} · {pad}",
    "**Input x {a} → output {b}** · kernel {k} · stride {s} · dilation {d} · {pad}":
        "**输入 x {a} → 输出 {b}** · 卷积核 {k} · 步长 {s} · 膨胀 {d} · {pad}",
    "**Input x {a} → output y {b}** · kernel {k} · stride {s} · dilation {d} · explicit padding {p}":
        "**输入 x {a} → 输出 y {b}** · 卷积核 {k} · 步长 {s} · 膨胀 {d} · 显式填充 {p}",
    "**Input x {a} → output {b}** · kernel {k} · stride {s} · dilation {d} · explicit padding {p}":
        "**输入 x {a} → 输出 {b}** · 卷积核 {k} · 步长 {s} · 膨胀 {d} · 显式填充 {p}",
    "Full output: (i−1)·s + (k−1)·d + 1 = ({i}−1)·{s} + ({k}−1)·{d} + 1 = **{L}**; the {n} kept cells start at {pb} (the forward conv's padding before for {n}, explicit padding {p}).":
        "完整输出：(i−1)·s + (k−1)·d + 1 = ({i}−1)·{s} + ({k}−1)·{d} + 1 = **{L}**；保留的 {n} 个格子从 {pb} 开始（即对 {n} 做前向卷积时前面的填充，显式填充 {p}）。",
    "a forward conv over {o} cells (kernel {k}, stride {s}, dilation {d}, explicit padding {p}) gives {back}, not {i}, so the gradient could not have this shape. Valid sizes: {v}.":
        "对 {o} 个格子做前向卷积（卷积核 {k}，步长 {s}，膨胀 {d}，显式填充 {p}）得到 {back} 而不是 {i}，所以梯度不可能是这个形状。有效尺寸：{v}。",
    "Dilated kernel span: (k−1)·d + 1 = ({k}−1)·{d} + 1 = **{e}**": "膨胀后卷积核的跨度：(k−1)·d + 1 = ({k}−1)·{d} + 1 = **{e}**",
    "SAME: output = ⌈n / s⌉ = ⌈{n} / {s}⌉ = **{o}** (the kernel does not matter)":
        "SAME：输出 = ⌈n / s⌉ = ⌈{n} / {s}⌉ = **{o}**（与卷积核无关）",
    "Padding needed = max(0, (out−1)·s + k_eff − n) = max(0, ({o}−1)·{s} + {k} − {n}) = {p}, split {b} before and {a} after":
        "需要的填充 = max(0, (out−1)·s + k_eff − n) = max(0, ({o}−1)·{s} + {k} − {n}) = {p}，前 {b}、后 {a}",
    "Padding needed = max(0, (out−1)·s + k_eff − n) = max(0, ({o}−1)·{s} + {k} − {n}) = {p}, split {b} before and {a} after: the extra cell goes after (bottom / right)":
        "需要的填充 = max(0, (out−1)·s + k_eff − n) = max(0, ({o}−1)·{s} + {k} − {n}) = {p}，前 {b}、后 {a}：多出的一格放在后面（下 / 右）",
    "Padding needed = max(0, (out−1)·s + k_eff − n) = max(0, ({o}−1)·{s} + {k} − {n}) = {p}, split {b} before and {a} after: the extra cell goes before (top / left)":
        "需要的填充 = max(0, (out−1)·s + k_eff − n) = max(0, ({o}−1)·{s} + {k} − {n}) = {p}，前 {b}、后 {a}：多出的一格放在前面（上 / 左）",
    "VALID: output = ⌊(n − k_eff) / s⌋ + 1 = ⌊({n} − {k}) / {s}⌋ + 1 = **{o}**":
        "VALID：输出 = ⌊(n − k_eff) / s⌋ + 1 = ⌊({n} − {k}) / {s}⌋ + 1 = **{o}**",
    "Explicit padding p = {p}: output = ⌊(n + 2p − k_eff) / s⌋ + 1 = ⌊({n} + {pp} − {k}) / {s}⌋ + 1 = **{o}**":
        "显式填充 p = {p}：输出 = ⌊(n + 2p − k_eff) / s⌋ + 1 = ⌊({n} + {pp} − {k}) / {s}⌋ + 1 = **{o}**",
    "The window never reaches the last {m} cell(s) of the padded input: a transposed conv back from {o} cannot know they existed (that is why several output sizes are valid for it).":
        "窗口永远到不了填充后输入的最后 {m} 个格子：从 {o} 反推回来的转置卷积无法知道它们存在过（这就是为什么它有好几个有效的输出尺寸）。",
    "The window never reaches the last {m} row(s) / column(s) of the padded input: a transposed conv back from {o} cannot know they existed (that is why several output sizes are valid for it).":
        "窗口永远到不了填充后输入的最后 {m} 行 / 列：从 {o} 反推回来的转置卷积无法知道它们存在过（这就是为什么它有好几个有效的输出尺寸）。",
    "Full output: (i−1)·s + (k−1)·d + 1 = ({i}−1)·{s} + ({k}−1)·{d} + 1 = **{L}**; the {n} kept cells start at {pb} (the forward conv's padding before for {n}, {pad}).":
        "完整输出：(i−1)·s + (k−1)·d + 1 = ({i}−1)·{s} + ({k}−1)·{d} + 1 = **{L}**；保留的 {n} 个格子从 {pb} 开始（即对 {n} 做前向卷积时前面的填充，{pad}）。",
    "Valid output sizes for input {i}: **{v}** — every size whose forward conv gives back {i}.":
        "输入 {i} 的有效输出尺寸：**{v}**——即前向卷积能得回 {i} 的每一个尺寸。",
    "Direct-conv equivalent: {s}−1 = {z} zero(s) between inputs → {c} cells; border k_eff−1−pad_before = {k}−1−{pb} = **{t}** before, **{b}** after; kernel rotated 180°; stride 1.":
        "等价的直接卷积：输入之间插入 {s}−1 = {z} 个零 → {c} 个格子；边框 k_eff−1−pad_before = {k}−1−{pb} = 前 **{t}**、后 **{b}**；卷积核旋转 180°；步长 1。",
    "Direct-conv equivalent: {s}−1 = {z} zero(s) between inputs → {c} cells; border k_eff−1−pad_before = {k}−1−{pb} = **{t}** before, **{b}** after (k_eff−1−pad_after plus a = {a} row/column the forward conv never reads, at the bottom / right); kernel rotated 180°; stride 1.":
        "等价的直接卷积：输入之间插入 {s}−1 = {z} 个零 → {c} 个格子；边框 k_eff−1−pad_before = {k}−1−{pb} = 前 **{t}**、后 **{b}**（k_eff−1−pad_after 再加上前向卷积从未读到的 a = {a} 行/列，在下 / 右侧）；卷积核旋转 180°；步长 1。",
    # notes for values that had to change (lab.animation.resolve_*)
    "pad={v} is not SAME, VALID or a whole number; using SAME.": "pad={v} 不是 SAME、VALID 或整数；改用 SAME。",
    "Explicit padding {p} is more than (k−1)·d = {top}; the animation uses {top}.":
        "显式填充 {p} 大于 (k−1)·d = {top}；动画使用 {top}。",
    "A {k}×{k} kernel with dilation {d} spans {e} cells, more than the {n}-cell input: the output would be empty. Using a kernel of 1 instead; make the input larger or the kernel smaller.":
        "膨胀为 {d} 的 {k}×{k} 卷积核跨越 {e} 个格子，比 {n} 格的输入还大：输出会是空的。改用大小为 1 的卷积核；请把输入调大或把卷积核调小。",
    "A {k}×{k} kernel with dilation {d} spans {e} cells, more than the padded {n}-cell input: the output would be empty. Using a kernel of 1 instead; make the input larger or the kernel smaller.":
        "膨胀为 {d} 的 {k}×{k} 卷积核跨越 {e} 个格子，比填充后的 {n} 格输入还大：输出会是空的。改用大小为 1 的卷积核；请把输入调大或把卷积核调小。",
    "With explicit padding {p}, no output size maps back to an input of {i} (the padding eats the whole output); using padding {q}.":
        "显式填充为 {p} 时，没有任何输出尺寸能对应回大小为 {i} 的输入（填充吃掉了整个输出）；改用填充 {q}。",
    "a forward conv over {o} cells (kernel {k}, stride {s}, dilation {d}, {pad}) gives {back}, not {i}, so the gradient could not have this shape. Valid sizes: {v}.":
        "对 {o} 个格子做前向卷积（卷积核 {k}，步长 {s}，膨胀 {d}，{pad}）得到 {back} 而不是 {i}，所以梯度不可能是这个形状。有效尺寸：{v}。",
    "Output size {out} is not valid here: a forward conv over {o} cells (kernel {k}, stride {s}, dilation {d}, {pad}) gives {back}, not {i}, so the gradient could not have this shape. Valid sizes: {v}. Using {first}.":
        "输出尺寸 {out} 在这里无效：对 {o} 个格子做前向卷积（卷积核 {k}，步长 {s}，膨胀 {d}，{pad}）得到 {back} 而不是 {i}，所以梯度不可能是这个形状。有效尺寸：{v}。改用 {first}。",
    "Output size {out} is not valid here: a forward conv over {o} cells (kernel {k}, stride {s}, dilation {d}, explicit padding {p}) gives {back}, not {i}, so the gradient could not have this shape. Valid sizes: {v}. Using {first}.":
        "输出尺寸 {out} 在这里无效：对 {o} 个格子做前向卷积（卷积核 {k}，步长 {s}，膨胀 {d}，显式填充 {p}）得到 {back} 而不是 {i}，所以梯度不可能是这个形状。有效尺寸：{v}。改用 {first}。",
    "explicit padding {p}": "显式填充 {p}",
    # predict, then reveal (lab.animation.conv_question, transpose_question)
    "How many cells will the output have?": "输出会有多少个格子？",
    "The output is square: how many cells will it have on a side?": "输出是正方形：每条边会有多少个格子？",
    "Which output cells will input cell x[{at}] write to? Mark every cell its stamp lands on inside the output.":
        "输入格子 x[{at}] 会写到哪些输出格子？把它的“印章”落在输出内的每个格子都标出来。",
    "Input cell x[{at}] stamps {n} products. How many of them land inside the output?":
        "输入格子 x[{at}] 盖下 {n} 个乘积。其中有多少个落在输出之内？",
    # --- exports (branch exports): frame texts (lab/draw/frames), step descriptions (convt.trace),
    # --- the GIF / frames export and its notes (ui/anim_widgets.gif_button) ----------------------
    "left {l}, right {r}": "左 {l}，右 {r}",
    "top {t}, bottom {b}": "上 {t}，下 {b}",
    "padding: {sides}": "填充：{sides}",
    "no padding": "无填充",
    "explicit {p}": "显式填充 {p}",
    "input x {size}; {padding}": "输入 x {size}；{padding}",
    "input x\n{size}": "输入 x\n{size}",
    "kernel w\n{size}": "卷积核 w\n{size}",
    "output y\n{size}": "输出 y\n{size}",
    "output\n{size}": "输出\n{size}",
    "Forward conv: {size} input, {ksize} kernel, stride {s}, dilation {d}, {padding} → {out}":
        "前向卷积：输入 {size}，卷积核 {ksize}，步长 {s}，膨胀 {d}，{padding} → {out}",
    "one row per stamp, then their sum\noutput = the {out} in the green frame":
        "每次盖印占一行，最后一行是它们的和\n输出 = 绿框中的 {out}",
    "running sums\noutput = the {out} in the green frame": "累加和\n输出 = 绿框中的 {out}",
    "full output {size}, {sums}": "完整输出 {size}，{sums}",
    "Transposed conv, scatter: each input cell stamps value × kernel, stride {s}; overlaps add up":
        "转置卷积（散射）：每个输入格子把“值 × 卷积核”盖到输出上，步长 {s}；重叠处相加",
    "products {v}×w: {products}": "乘积 {v}×w：{products}",
    "flipped": "翻转",
    "rotated 180°": "旋转 180°",
    ", ": "，",
    "kernel\nw": "卷积核\nw",
    "w flipped": "w 翻转",
    "w rotated\n180°": "w 旋转\n180°",
    "x with {n} zero(s) between cells,\nborder: {sides}": "x 的相邻格子之间插入 {n} 个零，\n边框：{sides}",
    "Transposed conv = direct conv (stride 1) with the kernel {flip}":
        "转置卷积 = 卷积核{flip}后的直接卷积（步长 1）",
    "Cᵀ ({rows}×{cols}): the forward\nconv's matrix C, transposed": "Cᵀ（{rows}×{cols}）：前向卷积的\n矩阵 C 的转置",
    "Transposed conv as a matrix: vec(out) = Cᵀ · vec(x), stepping by {by}":
        "矩阵形式的转置卷积：vec(out) = Cᵀ · vec(x)，按{by}步进",
    "column": "列",
    "row": "行",
    "Step {t}/{n}: y[{at}] = {terms} = {total}": "第 {t}/{n} 步：y[{at}] = {terms} = {total}",
    "Step {t}/{n}: x[{at}] = {v} stamps {v} × kernel at full-output row {r}, column {c}; {kept} of {taps} "
    "products land inside the {size} output":
        "第 {t}/{n} 步：x[{at}] = {v}，把 {v} × 卷积核盖在完整输出的第 {r} 行、第 {c} 列；"
        "{taps} 个乘积中有 {kept} 个落在 {size} 的输出内",
    "Step {t}/{n}: x[{at}] = {v} stamps {v} × kernel at full-output cell {c}; {kept} of {taps} products land "
    "inside the {size} output":
        "第 {t}/{n} 步：x[{at}] = {v}，把 {v} × 卷积核盖在完整输出的第 {c} 格；{taps} 个乘积中有 {kept} 个落在 "
        "{size} 的输出内",
    "Step {t}/{n}: out[{at}] = {terms} = {total}  ({z} of {taps} taps fall on zeros)":
        "第 {t}/{n} 步：out[{at}] = {terms} = {total}（{taps} 个抽头中有 {z} 个落在零上）",
    "Step {t}/{n}: column {j} of Cᵀ × vec(x)[{j}] = {v} (input cell [{at}]) is added to vec(out)":
        "第 {t}/{n} 步：Cᵀ 的第 {j} 列 × vec(x)[{j}] = {v}（输入格子 [{at}]）加到 vec(out) 上",
    "Step {t}/{n}: row {i} of Cᵀ · vec(x) = {terms} = {total} = out[{at}]":
        "第 {t}/{n} 步：Cᵀ 的第 {i} 行 · vec(x) = {terms} = {total} = out[{at}]",
    "⬇ Export for slides: GIF or PNG frames": "⬇ 导出用于幻灯片：GIF 或 PNG 帧",
    "Size": "尺寸",
    "{k}× ({w}×{h} px)": "{k}×（{w}×{h} 像素）",
    "Numbers in the cells": "格子里显示数字",
    "off: colours only, for a slide you talk over": "关闭：只有颜色，适合边讲边放的幻灯片",
    "Format": "格式",
    "GIF": "GIF",
    "PNG frames (ZIP)": "PNG 帧（ZIP）",
    "PNG frames keep every pixel exact; an MP4 needs ffmpeg, which this app does not include: make one from "
    "the PNG frames on your own machine":
        "PNG 帧保留每个像素的原样；MP4 需要 ffmpeg，本应用不包含它：请在你自己的电脑上用这些 PNG 帧生成",
    "Make a GIF ({n} frames, {fps} frames/s)": "生成 GIF（{n} 帧，每秒 {fps} 帧）",
    "Make the PNG frames ({n} frames)": "生成 PNG 帧（{n} 帧）",
    "drawn at the size chosen: crisp on a projector": "按所选尺寸重新绘制：在投影仪上也清晰",
    "Drawing {n} frames at {k}×…": "正在以 {k}× 绘制 {n} 帧…",
    "⬇ Download GIF ({kb} KB)": "⬇ 下载 GIF（{kb} KB）",
    "⬇ Download PNG frames ({kb} KB, ZIP)": "⬇ 下载 PNG 帧（{kb} KB，ZIP）",
    "{n} frames of {w}×{h} px are more than this server renders for one export ({m} million frame-pixels); "
    "step through them with the slider, or make the sizes smaller.":
        "{n} 帧 {w}×{h} 像素，超过了本服务器单次导出的上限（{m} 百万帧像素）；请用滑块逐步查看，或把尺寸调小。",
    "{n} frames of {w}×{h} px are more than this server renders for one export ({m} million frame-pixels); "
    "choose a smaller size, or make the sizes smaller.":
        "{n} 帧 {w}×{h} 像素，超过了本服务器单次导出的上限（{m} 百万帧像素）；请选择较小的导出尺寸，或把卷积的尺寸调小。",
    "Another large animation is being rendered on this server right now; try again in a few seconds.":
        "本服务器正在渲染另一个大型动画；请过几秒再试。",
    # --- end of exports block ------------------------------------------------------------------------
}

EXPLORER = {
    # --- shape explorer, error decoder, library explanations and fixes -------------------------
    # page controls and headings (ui/explorer_page, ui/decoder_page)
    "Mode": "模式",
    "Explore a configuration": "探索一个配置",
    "Design: I want exactly this size": "设计：我就要这个尺寸",
    "Framework": "框架",
    "Dimensions": "维度",
    "1-D: audio and sequences (Conv1DTranspose, ConvTranspose1d); 2-D: images; 3-D: volumes (depth, height, width).":
        "一维：音频和序列（Conv1DTranspose、ConvTranspose1d）；二维：图像；三维：体数据（深度、高度、宽度）。",
    "height": "高度",
    "width": "宽度",
    "depth": "深度",
    "length": "长度",
    "Input {axis} (your x)": "输入{axis}（你的 x）",
    "The transposed conv's input spatial size; at most {n}.": "转置卷积输入的空间尺寸；最大 {n}。",
    "Different width": "宽度不同",
    "Different depth / width": "深度 / 宽度不同",
    "Input depth": "输入深度",
    "Input width": "输入宽度",
    "Kernel": "卷积核",
    "Stride": "步长",
    "Padding": "填充",
    "padding": "填充",
    "explicit": "显式",
    "Pad before (top / left)": "前侧填充（上 / 左）",
    "Pad after (bottom / right)": "后侧填充（下 / 右）",
    "On: auto_pad='SAME_LOWER', the odd cell is cropped at the start. Off: 'SAME_UPPER', at the end, as TF's SAME.":
        "开：auto_pad='SAME_LOWER'，多出的一格在开头裁掉。关：'SAME_UPPER'，在末尾裁掉，与 TF 的 SAME 相同。",
    "Dilation": "膨胀率",
    "Ask {framework} through": "向 {framework} 指定尺寸的方式",
    "Consistent pads": "一致的填充",
    "use_consistent_padding. Off (JAX's default): explicit (lo, hi) pads pad the stride-dilated input. On: they are the forward conv's pads, as in PyTorch (jax#32267).":
        "use_consistent_padding。关（JAX 默认）：显式的 (lo, hi) 填充作用于按步长膨胀后的输入。开：它们是前向卷积的填充，与 PyTorch 相同（jax#32267）。",
    "JAX has no output size argument: the padding decides it, and nothing is checked.":
        "JAX 没有输出尺寸参数：由填充决定输出尺寸，而且不做任何检查。",
    "None (let Keras choose)": "None（由 Keras 决定）",
    "Dynamic output_shape": "动态 output_shape",
    "On: output_shape is a tensor such as tf.shape(x), known only when the graph runs. Off: a Python list, known while the graph is built.":
        "开：output_shape 是一个张量（如 tf.shape(x)），只有在计算图运行时才知道。关：一个 Python 列表，构建计算图时就已知。",
    "Batch and channels (output_shape vs filter vs input)": "批量与通道（output_shape、卷积核与输入之间）",
    "Input batch": "输入批量",
    "output_shape batch": "output_shape 的批量",
    "Input channels": "输入通道数",
    "output_shape channels": "output_shape 的通道数",
    "Filter in_channels (filter[{j}])": "卷积核 in_channels（filter[{j}]）",
    "Filter out_channels (filter[{j}])": "卷积核 out_channels（filter[{j}]）",
    "TF's filter is [{axes}, out_channels, in_channels]: its LAST axis must match your input's channels, the one before it the output_shape's channels.":
        "TF 的卷积核形状是 [{axes}, out_channels, in_channels]：它的最后一维必须等于输入的通道数，倒数第二维必须等于 output_shape 的通道数。",
    "What {framework} prints:": "{framework} 打印的内容：",
    "Valid output {axis}s for an input {axis} of {n}: {sizes}": "输入{axis}为 {n} 时，有效的输出{axis}：{sizes}",
    "Output {axis} candidates for input {n}": "输入为 {n} 时的候选输出{axis}",
    "Number line of output {axis}s; valid: {sizes}": "输出{axis}数轴；有效：{sizes}",
    "The arithmetic for each candidate {axis}": "每个候选{axis}的计算过程",
    "(asked)": "（你要的）",
    "Why": "原因",
    "One-click fixes": "一键修复",
    "What each framework prints, and when": "每个框架打印什么，以及何时打印",
    "The same request in every framework; rows marked “your case” match your framework and static / dynamic choice. Texts are generated by convt from the frameworks' own formats (TF 2.21, Keras 3.15, PyTorch 2.13, JAX 0.10, onnxruntime 1.32 and onnx 1.23's shape inference, and TF 1.x as the seed saw it).":
        "同一个请求在每个框架中的结果；标着“你的情况”的行对应你选的框架和静态 / 动态选项。这些文字由 convt 按各框架自己的格式生成（TF 2.21、Keras 3.15、PyTorch 2.13、JAX 0.10、onnxruntime 1.32 与 onnx 1.23 的形状推断，以及种子问题中所见的 TF 1.x）。",
    "your case": "你的情况",
    "Copyable code": "可复制的代码",
    "Each snippet builds these shapes and ends with the outcome predicted above.":
        "每段代码都构造这些形状，并以上面预测的结果结尾。",
    "After the one-click fix “{fix}”, the call works:": "应用一键修复“{fix}”之后，调用可以运行：",
    "3-D: each axis on its own": "三维：逐个轴来看",
    "Depth slices of the full output of a {n}×{n}×{n} input of ones (no padding, at most {slices} slices): each number is how many kernel taps land on that voxel — the product of the three 1-D counts, so an uneven stride overlap shows as a checkerboard in every slice.":
        "对一个 {n}×{n}×{n} 的全 1 输入，完整输出按深度切片（无填充，最多 {slices} 片）：每个数字是落在该体素上的卷积核抽头个数——它等于三个一维计数的乘积，所以步长造成的不均匀重叠会在每一片中显示为棋盘格。",
    "depth {z}": "深度 {z}",
    "Overlap counts of a {n}×{n}×{n} input, kernel {k}, stride {s}": "{n}×{n}×{n} 输入的重叠计数，卷积核 {k}，步长 {s}",
    "Overlap counts of a {n}×{n}×{n} input, kernel {k}, stride {s}, dilation {d}": "{n}×{n}×{n} 输入的重叠计数，卷积核 {k}，步长 {s}，膨胀率 {d}",
    "asked": "你要的",
    "● valid    × refused    ○ asked": "● 有效    × 被拒绝    ○ 你要的",
    "Input size {i}: which layers give exactly the target size? (dilation {d})": "输入尺寸 {i}：哪些层能恰好得到目标尺寸？（膨胀率 {d}）",
    "Target output size": "目标输出尺寸",
    "Twice the input": "输入的两倍",
    "⚠ checkerboard: the kernel is not a multiple of the stride, so the stamped kernels overlap unevenly and leave a grid pattern (see the Checkerboard page).":
        "⚠ 棋盘格：卷积核大小不是步长的整数倍，盖上去的卷积核重叠不均匀，留下网格状图案（见“棋盘格伪影”页面）。",
    "TensorFlow's CPU kernel refuses dilation > 1 in conv2d_transpose (its oneDNN and GPU kernels accept it); Keras refuses strides > 1 together with dilation > 1.":
        "TensorFlow 的 CPU 内核在 conv2d_transpose 中拒绝膨胀率 > 1（它的 oneDNN 和 GPU 内核接受）；Keras 拒绝步长 > 1 与膨胀率 > 1 同时使用。",
    "No combination with kernel ≤ {k} and stride ≤ {s} gives {n}.": "卷积核 ≤ {k}、步长 ≤ {s} 的组合中，没有一个能得到 {n}。",
    "Open": "打开",
    "Have an error message? Paste it into the error decoder": "有报错信息？粘贴到报错解读页",
    "{label} (page coming soon)": "{label}（页面即将推出）",
    "The same request in every framework: which of them accept it?": "同一个请求交给每个框架：哪些框架会接受它？",
    "Accepted by: {yes}. Refused by: {no}.": "接受：{yes}。拒绝：{no}。",
    "Which of these output {axis}s would {framework} accept?": "这些输出{axis}中，{framework} 会接受哪些？",
    # error decoder page
    "**Examples to try** (the seed's messages):": "**可以试试的例子**（种子问题中的报错）：",
    "Error message or whole traceback": "报错信息或完整的 traceback",
    "e.g. {message} …": "例如 {message} …",
    "Paste a message above, or click one of the examples.": "在上面粘贴一条报错，或点击一个例子。",
    "Your paste has {chars} characters and {lines} lines; a link cannot carry that much, so the page's link holds only the line that was read.":
        "你粘贴了 {chars} 个字符、{lines} 行；链接装不下这么多，所以页面链接只保存被读取的那一行。",
    "Answer.": "答案。",
    "Read **line {n}** of your paste (the last error in it):": "读取的是你粘贴内容的**第 {n} 行**（其中最后一个报错）：",
    "Full reasoning": "完整推理",
    "The numbers read from the message:": "从报错中读出的数字：",
    "Per dimension:": "逐个维度：",
    "What to change": "该改什么",
    "Open this skip connection on the encoder–decoder page (U-Net size solver)": "在编码器–解码器页面打开这个跳跃连接（U-Net 尺寸求解器）",
    "Opens a two-level chain whose skip connection fails with these two sizes; its solver lists the input sizes that round-trip and the smallest fix per layer, with code.":
        "打开一个两层的链，它的跳跃连接正好因这两个尺寸而失败；求解器会列出能来回对齐的输入尺寸，以及每一层最小的修改，并附代码。",
    "Open the encoder–decoder page (U-Net size solver)": "打开编码器–解码器页面（U-Net 尺寸求解器）",
    "Open this configuration in the shape explorer": "在形状探索器中打开这个配置",
    "From the message: {read}. Chosen by convt: {chosen}.": "来自报错：{read}。由 convt 选定：{chosen}。",
    "Opens with: {params} (what the message does not say keeps the explorer's default).": "打开时使用：{params}（报错中没有的数值保持探索器的默认值）。",
    "**Fill in what you know** and open the shape explorer on it:": "**填写你知道的数值**，然后在形状探索器中打开：",
    "Input size": "输入尺寸",
    "Output size": "输出尺寸",
    "Open these numbers in the shape explorer": "在形状探索器中打开这些数值",
    "The messages the decoder reads": "解读器能读懂的报错",
    "It would accept output sizes: {sizes}.": "它会接受的输出尺寸：{sizes}。",
    "Quickest fix: {fix}.": "最快的修复：{fix}。",
    "Output {axis}s that would be accepted: {sizes}": "会被接受的输出{axis}：{sizes}",
    "accepts {sizes}": "接受 {sizes}",
    "impossible: the range {lo} to {hi} has no positive size (too much padding)": "不可能：范围 {lo} 到 {hi} 中没有正的尺寸（填充过多）",
    "input {i}, computed {c}": "输入 {i}，computed {c}",
    "input {i}, requested {r}, stride {s} (the range's width)": "输入 {i}，请求 {r}，步长 {s}（即范围的宽度）",
    "stride {s}, padding SAME, kernel 3 and output_shape {out} (with SAME and stride {s} every output from {lo} to {hi} gives computed = {c}; the message does not say which): set your own stride, padding, kernel and output_shape":
        "步长 {s}、填充 SAME、卷积核 3、output_shape {out}（用 SAME 和步长 {s} 时，从 {lo} 到 {hi} 的每个输出都给出 computed = {c}；报错没有说是哪一个）：请填入你自己的步长、填充、卷积核和 output_shape",
    "kernel {k} and padding {p}: the range fixes only kernel - 2·padding = {d} (kernel {k2}, padding {p2} gives the same range): set your own kernel and padding":
        "卷积核 {k}、填充 {p}：这个范围只确定了 卷积核 − 2·填充 = {d}（卷积核 {k2}、填充 {p2} 给出同样的范围）：请填入你自己的卷积核和填充",
    # example labels (lab/examples) and message families (lab/decoder.families)
    "TF 2.x: the seed, 97 → 25 → 97 with stride 3": "TF 2.x：种子问题，步长 3 下 97 → 25 → 97",
    "TF 1.x at run time (unknown shapes)": "TF 1.x 运行时（形状未知）",
    "TF 1.x at graph build (static shapes)": "TF 1.x 构建计算图时（静态形状）",
    "TF 2.x graph mode, building gradients": "TF 2.x 图模式，构建梯度时",
    "TF 2.x with oneDNN (the opaque one)": "TF 2.x 开启 oneDNN（看不出原因的那种）",
    "PyTorch output_size (the seed's point 3)": "PyTorch output_size（种子问题第 3 点）",
    "PyTorch, the seed's numbers": "PyTorch，种子问题的数字",
    "Keras output_padding": "Keras 的 output_padding",
    "TF batch mismatch": "TF 批量不匹配",
    "PyTorch output_padding": "PyTorch 的 output_padding",
    "JAX: padding that crops more than there is": "JAX：裁掉的比现有的还多的填充",
    "ONNX Runtime: output_shape 97 from 25": "ONNX Runtime：从 25 得到 output_shape 97",
    "argument length": "参数长度", "attribute": "属性", "batch": "批量", "bias": "偏置", "channels": "通道",
    "data format": "数据格式", "dilation": "膨胀率", "dilation cpu": "CPU 上的膨胀", "dilations": "dilations 参数",
    "dilations batch depth": "dilations 的批量 / 通道维", "dimension numbers": "dimension_numbers 参数",
    "empty kernel": "空卷积核", "filter depth": "卷积核通道", "gradient incompatible": "梯度形状不兼容",
    "group": "分组", "grouped": "分组卷积", "groups": "groups 参数", "kernel shape": "卷积核形状",
    "kernel too large": "卷积核过大", "mkldnn": "mkldnn 加速库", "nchw cpu": "CPU 上的 NCHW", "negative dimension": "负的维度",
    "negative dimension size": "负的维度大小", "negative output": "负的输出", "negative padding": "负的填充",
    "onednn": "oneDNN 加速库", "output channels": "输出通道", "output padding": "output_padding 参数",
    "output padding stride": "output_padding 与步长", "output shape": "output_shape 参数",
    "output shape length": "output_shape 长度", "output size": "output_size 参数", "output size length": "output_size 长度",
    "output too small": "输出过小", "padding mode": "填充模式", "padding pairs": "填充对",
    "padding string": "填充字符串", "pads and auto pad": "pads 与 auto_pad", "pads count": "pads 个数", "rank": "秩（维数）",
    "shapes not compatible": "形状不兼容", "size mismatch": "尺寸不匹配", "skip connection (concat)": "跳跃连接（concat）",
    "stride": "步长", "stride dilation": "步长与膨胀率", "stride value": "步长取值", "strides batch depth": "strides 的批量 / 通道维",
    "strides length": "strides 长度", "strides rank": "strides 维数", "string padding": "字符串填充", "too small": "过小",
    "unknown padding": "未知填充", "zero argument": "零值参数",
    # --- library sentences (lab.explorer, convt.frameworks): templates keep the numbers --------
    # headlines
    "{fw} accepts it:": "{fw} 接受：",
    "{fw} refuses it:": "{fw} 拒绝：",
    "{fw} cannot express this configuration.": "{fw} 无法表达这个配置。",
    "input {i} → output {o}.": "输入 {i} → 输出 {o}。",
    "{fw} refuses output {o} for input {i}:": "{fw} 拒绝输入 {i} 得到输出 {o}：",
    "a forward conv over the {axis} gives {arith}.": "沿{axis}做一次前向卷积得到 {arith}。",
    "valid {axis}s are {sizes}.": "有效的{axis}为 {sizes}。",
    "JAX gives output {o} for input {i} without complaint — but it is no transposed conv of this padding:":
        "JAX 对输入 {i} 一声不吭地给出输出 {o}——但它并不是这种填充下的转置卷积：",
    "{fw}: no {n}-D verdict (convt models it in 2-D only).": "{fw}：没有 {n} 维的结论（convt 只对它的二维情形建模）。",
    "InvalidArgumentError": "InvalidArgumentError（参数无效）",
    "ValueError": "ValueError（值错误）",
    "RuntimeError": "RuntimeError（运行时错误）",
    "TypeError": "TypeError（类型错误）",
    "AbortedError": "AbortedError（已中止）",
    "InvalidArgument": "InvalidArgument（参数无效）",
    "Fail": "Fail（失败）",
    "see below": "见下文",
    # notes
    "Keras refuses strides > 1 together with dilation_rate > 1.": "Keras 拒绝步长 > 1 与 dilation_rate > 1 同时使用。",
    "Keras's Conv{n}DTranspose takes only padding 'same' or 'valid';": "Keras 的 Conv{n}DTranspose 只接受 'same' 或 'valid' 填充；",
    "pick one of them (explicit padding is a TensorFlow / PyTorch idea).": "请选其中之一（显式填充是 TensorFlow / PyTorch 的概念）。",
    "{n}-D: TensorFlow's row is tf.nn.conv{m}d_transpose on TF's classic CPU kernel (TF 1.x and oneDNN rows are modelled for 2-D only).":
        "{n} 维：TensorFlow 这一行是 TF 经典 CPU 内核上的 tf.nn.conv{m}d_transpose（TF 1.x 和 oneDNN 两行只对二维建模）。",
    "PyTorch pads both sides equally:": "PyTorch 两侧填充相同：",
    "padding={p} is used for before and after.": "前后都使用 padding={p}。",
    "PyTorch's ConvTranspose{n}d has no 'same' padding;": "PyTorch 的 ConvTranspose{n}d 没有 'same' 填充；",
    "padding={p} is used, but with an even kernel TF SAME pads one more cell at the end, which PyTorch cannot express.":
        "这里使用 padding={p}，但卷积核为偶数时 TF 的 SAME 会在末尾多填充一格，PyTorch 无法表达这一点。",
    "padding={p} is used, which matches TF SAME's sizes (k_eff is odd).": "这里使用 padding={p}，它与 TF SAME 的尺寸一致（k_eff 为奇数）。",
    "convt models {fw}'s transposed conv in 2-D only:": "convt 只对 {fw} 的二维转置卷积建模：",
    "there is no {n}-D verdict for it here.": "这里没有它的 {n} 维结论。",
    "Pick TensorFlow, Keras or PyTorch, or switch to 2-D.": "请选择 TensorFlow、Keras 或 PyTorch，或切换到二维。",
    "tf.nn.conv{n}d_transpose and Conv{m}DTranspose take padding 'SAME' or 'VALID' only:":
        "tf.nn.conv{n}d_transpose 和 Conv{m}DTranspose 只接受 'SAME' 或 'VALID' 填充：",
    "an explicit list is refused.": "显式列表会被拒绝。",
    "tf.nn.conv1d_transpose runs Conv2DBackpropInput on a height of 1, so its messages are the 2-D ones, with the length as spatial_dim 2.":
        "tf.nn.conv1d_transpose 在高度为 1 的输入上运行 Conv2DBackpropInput，所以它的报错就是二维的报错，长度对应 spatial_dim 2。",
    # fixes
    "ask for output size {n} instead of {r} (valid: {sizes})": "把输出尺寸从 {r} 改为 {n}（有效：{sizes}）",
    "ask for output_shape {n} on the {axis}": "在{axis}上请求 output_shape {n}",
    "feed an input of size {n}:": "输入尺寸改为 {n}：",
    "its valid sizes {sizes} include {n}": "它的有效尺寸 {sizes} 包含 {n}",
    "the forward conv of {n} gives {arith}": "对 {n} 做前向卷积得到 {arith}",
    "make the filter [{dims}]": "把卷积核改为 [{dims}]",
    "set the output_shape batch to {n}": "把 output_shape 的批量设为 {n}",
    "set the output_shape channels to {n}": "把 output_shape 的通道数设为 {n}",
    "use SAME padding:": "改用 SAME 填充：",
    "use VALID padding:": "改用 VALID 填充：",
    "use {padding} padding: {arith}": "改用 {padding} 填充：{arith}",
    "use dilation {d}": "使用膨胀率 {d}",
    "use output_padding={op}": "使用 output_padding={op}",
    "use output_padding={op}:": "使用 output_padding={op}：",
    "use output_padding={op} (gives {n})": "使用 output_padding={op}（得到 {n}）",
    "Keras asks for {n}, and {arith}": "Keras 会请求 {n}，而 {arith}",
    "use padding='SAME' (gives input × stride)": "使用 padding='SAME'（得到 输入 × 步长）",
    "use padding={p}:": "使用 padding={p}：",
    "valid sizes become {sizes}": "有效尺寸变为 {sizes}",
    "the valid sizes become {sizes}": "有效尺寸变为 {sizes}",
    "use stride {s}:": "改用步长 {s}：",
    "use use_consistent_padding=True:": "使用 use_consistent_padding=True：",
    "the pads become the forward conv's": "填充就成为前向卷积的填充",
    "increase padding by {n}:": "把填充增加 {n}：",
    "each unit of padding trims one cell from both ends, giving {lo} to {hi}": "每增加一个单位的填充，两端各裁掉一格，得到 {lo} 至 {hi}",
    # how each size is reached
    "JAX gives this": "JAX 给出的就是它",
    "no output_padding gives it": "没有哪个 output_padding 能得到它",
    # per axis (3-D)
    # problems
    "(A forward conv over {n} gives {arith}.)": "（对 {n} 做前向卷积得到 {arith}。）",
    "For an input {axis} of {i}, a transposed conv with stride {s} produces {n} cells (that is (i-1)*stride - 2*padding + dilation*(kernel-1) + 1), and output_size may add up to stride - 1 = {m} more:":
        "输入{axis}为 {i} 时，步长为 {s} 的转置卷积产生 {n} 个格子（即 (i-1)*stride - 2*padding + dilation*(kernel-1) + 1），output_size 最多还能再加 stride - 1 = {m} 个：",
    "it accepts {axis}s {sizes}.": "它接受的{axis}为 {sizes}。",
    "You asked for {n}, larger than the largest of those.": "你要的是 {n}，比其中最大的还大。",
    "You asked for {n}, smaller than the smallest of those.": "你要的是 {n}，比其中最小的还小。",
    "explicit [{pads}]": "显式 [{pads}]",
    "Integer pads are the pads of the stride-dilated input, not of the forward conv (jax#32267).":
        "整数填充是对按步长膨胀后的输入的填充，而不是前向卷积的填充（jax#32267）。",
    "JAX checks no size:": "JAX 不检查任何尺寸：",
    "it gives {n}, but a forward conv over {m} gives {arith}.": "它给出 {n}，但对 {m} 做前向卷积得到 {arith}。",
    "It only picks one of the sizes {sizes}.": "它只是在尺寸 {sizes} 中选一个。",
    "Keras requires output_padding < strides:": "Keras 要求 output_padding < strides：",
    "output_padding {op} is not smaller than stride {s}.": "output_padding {op} 不小于步长 {s}。",
    "output_padding only chooses which of the {n} sizes that map back onto {i} you get.": "output_padding 只是在能映射回 {i} 的 {n} 个尺寸中选择你得到哪一个。",
    "output_padding must be smaller than either stride ({s}) or dilation ({d});": "output_padding 必须小于步长（{s}）或膨胀率（{d}）之一；",
    "TF's CPU kernel refuses dilation {d} in conv{n}d_transpose (the arithmetic is defined;": "TF 的 CPU 内核在 conv{n}d_transpose 中拒绝膨胀率 {d}（这个计算本身是有定义的；",
    "PyTorch and TF's oneDNN / GPU kernels accept it).": "PyTorch 和 TF 的 oneDNN / GPU 内核都接受它）。",
    "With output_shape, onnxruntime accepts sizes from 1 to (i-1)*s + k_eff + s - 1:": "使用 output_shape 时，onnxruntime 接受从 1 到 (i-1)*s + k_eff + s - 1 的尺寸：",
    "a forward conv of anything bigger would have more than i cells.": "再大的尺寸做前向卷积会得到多于 i 个格子。",
    "Smaller sizes are cropped (pads are ignored).": "更小的尺寸会被裁剪（pads 被忽略）。",
    "onnxruntime accepts {sizes}.": "onnxruntime 接受 {sizes}。",
    "onnxruntime needs it below max(stride, dilation).": "onnxruntime 要求它小于 max(stride, dilation)。",
    "output_padding only picks one of the sizes a strided conv maps back to the same input;": "output_padding 只是在带步长的卷积能映射回同一输入的那些尺寸中选一个；",
    "output_shape {n} is refused for an input {axis} of {i}:": "输入{axis}为 {i} 时，output_shape {n} 被拒绝：",
    "output_shape asks for {n} channels, but the filter [{axes}] has out_channels {m} (filter[{j}]).":
        "output_shape 要求 {n} 个通道，但卷积核 [{axes}] 的 out_channels 是 {m}（filter[{j}]）。",
    "output_shape asks for batch {n} but the input has batch {m};": "output_shape 要求批量 {n}，但输入的批量是 {m}；",
    "use tf.shape(x)[0] so it follows the data.": "请用 tf.shape(x)[0]，让它随数据变化。",
    "the input has {n} channels, but the filter's in_channels (its last axis, filter[{j}]) is {m}.":
        "输入有 {n} 个通道，但卷积核的 in_channels（它的最后一维，filter[{j}]）是 {m}。",
    # rows: which call, when it fails, what it gives
    "Keras 3 (TF backend)": "Keras 3（TF 后端）",
    "ONNX Runtime (CPU)": "ONNX Runtime（CPU）",
    "ONNX shape inference (spec)": "ONNX 形状推断（规范）",
    "TensorFlow 2.x (tf.compat.v1 graph)": "TensorFlow 2.x（tf.compat.v1 计算图）",
    "TensorFlow 2.x with oneDNN (default x86 CPU, float32)": "TensorFlow 2.x 开启 oneDNN（x86 CPU 默认，float32）",
    "Keras takes only 'same' or 'valid' padding": "Keras 只接受 'same' 或 'valid' 填充",
    "cannot ask for {n}:": "无法请求 {n}：",
    "its smallest size is {n}": "它最小的尺寸是 {n}",
    "not modelled:": "未建模：",
    "convt's JAX and ONNX rules are 2-D only, so no verdict here": "convt 的 JAX 和 ONNX 规则只针对二维，所以这里没有结论",
    "gives {o}, not the requested size": "得到 {o}，不是请求的尺寸",
    "infers {o};": "推断为 {o}；",
    "onnxruntime gives {o}": "onnxruntime 给出 {o}",
    "onnxruntime refuses it": "onnxruntime 拒绝它",
    "stops inferring (an output_shape below the input size);": "停止推断（output_shape 小于输入尺寸）；",
    "InferenceSession.run — when the node runs": "InferenceSession.run——节点运行时",
    "InferenceSession(...) — onnx's shape inference refuses the model": "InferenceSession(...)——onnx 的形状推断拒绝该模型",
    "Session.run — only when the graph runs": "Session.run——只有在计算图运行时",
    "at the call": "调用时",
    "at the call (forward)": "调用时（forward）",
    "at the call (while tracing)": "调用时（追踪时）",
    "at the first call / model.predict (TF backend)": "第一次调用 / model.predict 时（TF 后端）",
    "graph build — while building the gradients": "构建计算图——构建梯度时",
    "graph build — while building the gradients (optimizer.minimize)": "构建计算图——构建梯度时（optimizer.minimize）",
    "onnx.shape_inference.infer_shapes — before any run": "onnx.shape_inference.infer_shapes——在任何运行之前",
    "when the layer is created": "创建层时",
    "when the op runs": "算子运行时",
    "when the op runs (eager: at the call; tf.function: at execution)": "算子运行时（eager：调用时；tf.function：执行时）",
    "when the op runs (the reason is hidden; rerun with TF_ENABLE_ONEDNN_OPTS=0)": "算子运行时（原因被隐藏；设置 TF_ENABLE_ONEDNN_OPTS=0 后重新运行）",
    "while tracing (static channel check)": "追踪时（静态通道检查）",
    "a Python list: static": "Python 列表：静态",
    "or a placeholder with None: dynamic": "或含 None 的占位符：动态",
    "static": "静态",
    # timing
    "Dynamic output_shape (a tensor such as tf.shape(x)): TF cannot know the sizes while building the graph, so TF1 fails only when Session.run executes it; TF2 fails when the op runs, eager or inside tf.function.":
        "动态 output_shape（一个张量，如 tf.shape(x)）：TF 在构建计算图时无法知道尺寸，所以 TF1 只在 Session.run 执行时才失败；TF2 在算子运行时失败，无论是 eager 模式还是在 tf.function 中。",
    "Static output_shape (a Python list): TF1 already fails while building the graph, when the gradients are built (optimizer.minimize); TF2 checks spatial sizes only when the op runs — eagerly at the call, in tf.function at execution (input channels are the one thing checked while tracing).":
        "静态 output_shape（一个 Python 列表）：TF1 在构建计算图、构建梯度时（optimizer.minimize）就已失败；TF2 只在算子运行时检查空间尺寸——eager 模式下在调用时，tf.function 中在执行时（追踪时只检查输入通道）。",
    "Sizes are capped so every view stays fast: input ≤ {i}, kernel ≤ {k}, stride ≤ {s}, dilation ≤ {d}, channels ≤ {c}, batch ≤ {b}, requested output ≤ {o}.":
        "为让每个视图都保持流畅，尺寸有上限：输入 ≤ {i}，卷积核 ≤ {k}，步长 ≤ {s}，膨胀率 ≤ {d}，通道 ≤ {c}，批量 ≤ {b}，请求的输出 ≤ {o}。",
    "height:": "高度：",
    "width:": "宽度：",
    "depth:": "深度：",
    "length:": "长度：",
    "conv{n}d_transpose is the gradient of a forward conv, so TF checks that a forward {padding} conv (kernel {k}, stride {s}, dilation {d}) over your requested {axis} {o} would give back your input's {axis} {i}. It gives {arith}, not {i}. For an input of {i}, TF accepts the output sizes {sizes}.":
        "conv{n}d_transpose 是前向卷积的梯度，所以 TF 会检查：对你请求的{axis} {o} 做一次 {padding} 前向卷积（卷积核 {k}，步长 {s}，膨胀率 {d}），能否得回输入的{axis} {i}。实际得到 {arith}，而不是 {i}。输入为 {i} 时，TF 接受的输出尺寸为 {sizes}。",
    "conv{n}d_transpose is the gradient of a forward conv, so TF checks that a forward {padding} conv (kernel {k}, stride {s}, dilation {d}) over your requested {axis} {o} would give back your input's {axis} {i}. It gives {arith}. For an input of {i}, TF accepts the output sizes {sizes}.":
        "conv{n}d_transpose 是前向卷积的梯度，所以 TF 会检查：对你请求的{axis} {o} 做一次 {padding} 前向卷积（卷积核 {k}，步长 {s}，膨胀率 {d}），能否得回输入的{axis} {i}。实际得到 {arith}。输入为 {i} 时，TF 接受的输出尺寸为 {sizes}。",
    "use output_padding={op}: Keras asks for {n}, and {arith}": "使用 output_padding={op}：Keras 会请求 {n}，而 {arith}",
    "ask for output height {n} instead of {r} (valid: {sizes})": "把输出高度从 {r} 改为 {n}（有效：{sizes}）",
    "feed an input of height {n}:": "输入高度改为 {n}：",
    "ask for output width {n} instead of {r} (valid: {sizes})": "把输出宽度从 {r} 改为 {n}（有效：{sizes}）",
    "feed an input of width {n}:": "输入宽度改为 {n}：",
    "ask for output depth {n} instead of {r} (valid: {sizes})": "把输出深度从 {r} 改为 {n}（有效：{sizes}）",
    "feed an input of depth {n}:": "输入深度改为 {n}：",
    "ask for output length {n} instead of {r} (valid: {sizes})": "把输出长度从 {r} 改为 {n}（有效：{sizes}）",
    "feed an input of length {n}:": "输入长度改为 {n}：",
    # --- the decoder's explanations (convt.frameworks.*): one template per sentence or clause ----
    # TensorFlow size mismatch
    "TensorFlow ({k}) refused the output {axis} of {op}:": "TensorFlow（{k}）拒绝了 {op} 的输出{axis}：",
    "TensorFlow ({k}) refused the output {axis} of {op} (called by a Keras {layer} layer):":
        "TensorFlow（{k}）拒绝了 {op} 的输出{axis}（由 Keras 的 {layer} 层调用）：",
    "TensorFlow ({k}) refused the output {axis} (conv1d_transpose runs as conv2d_transpose on a unit {unit}, so its {axis} is spatial_dim {a}) of {op} (called by a Keras {layer} layer):":
        "TensorFlow（{k}）拒绝了 {op} 的输出{axis}（conv1d_transpose 在单位{unit}上作为 conv2d_transpose 运行，所以它的{axis}是 spatial_dim {a}）（由 Keras 的 {layer} 层调用）：",
    "TensorFlow ({k}) refused the output {axis} (conv1d_transpose runs as conv2d_transpose on a unit {unit}, so its {axis} is spatial_dim {a}) of {op}:":
        "TensorFlow（{k}）拒绝了 {op} 的输出{axis}（conv1d_transpose 在单位{unit}上作为 conv2d_transpose 运行，所以它的{axis}是 spatial_dim {a}）：",
    "TensorFlow ({k}) refused the output_shape of {op}:": "TensorFlow（{k}）拒绝了 {op} 的 output_shape：",
    "your input x has {axis} {a} and you asked for output {axis} {b}.": "你的输入 x 的{axis}是 {a}，而你请求的输出{axis}是 {b}。",
    "your input x has spatial size {a}, but a forward conv over the output spatial size you asked for gives {b}.":
        "你的输入 x 的空间尺寸是 {a}，但对你请求的输出空间尺寸做前向卷积得到的是 {b}。",
    "TF words this from the gradient's side, because {op} is the op {k} (the gradient of a forward conv with respect to its input):":
        "TF 是从梯度的角度来措辞的，因为 {op} 就是算子 {k}（前向卷积对其输入的梯度）：",
    "`actual = {a}` (`out_backprop`) is YOUR INPUT x, `input:": "`actual = {a}`（`out_backprop`）是**你的输入** x，`input:",
    "{a}` is the output size you asked for (output_shape), and `computed = {b}` is what a forward conv over your output_shape produces.":
        "{a}` 是你请求的输出尺寸（output_shape），而 `computed = {b}` 是对你的 output_shape 做前向卷积得到的结果。",
    "`actual = {a}` (`out_backprop`) is YOUR INPUT x, and `computed = {b}` is what a forward conv over your output_shape produces.":
        "`actual = {a}`（`out_backprop`）是**你的输入** x，而 `computed = {b}` 是对你的 output_shape 做前向卷积得到的结果。",
    "The padding is not printed, but the numbers betray it:": "报错里没有打印填充方式，但数字暴露了它：",
    "only SAME gives computed = {a} ({arith};": "只有 SAME 能得到 computed = {a}（{arith}；",
    "only VALID gives computed = {a} ({arith};": "只有 VALID 能得到 computed = {a}（{arith}；",
    "VALID would give {a}), unless you passed explicit padding, which TF does not print.": "VALID 会得到 {a}），除非你传入了显式填充，而 TF 不会打印它。",
    "SAME would give {a}), unless you passed explicit padding, which TF does not print.": "SAME 会得到 {a}），除非你传入了显式填充，而 TF 不会打印它。",
    "Both SAME ({a}) and VALID ({b}) give computed = {c}, so the message cannot tell which padding you used.":
        "SAME（{a}）和 VALID（{b}）都得到 computed = {c}，所以从报错看不出你用的是哪种填充。",
    "Neither SAME (gives {a}) nor VALID (gives {b}) produces computed = {c} from {d}, so you probably passed explicit padding:":
        "SAME（得到 {a}）和 VALID（得到 {b}）都不能从 {d} 得到 computed = {c}，所以你很可能传入了显式填充：",
    "Neither SAME (gives {a}) nor VALID (gives {b}) produces computed = {c} from {d}, so you probably passed explicit padding.":
        "SAME（得到 {a}）和 VALID（得到 {b}）都不能从 {d} 得到 computed = {c}，所以你很可能传入了显式填充。",
    "a total padding (top + bottom) of {sizes} gives {a}.": "总填充（上 + 下）为 {sizes} 时得到 {a}。",
    "It gives {arith}, not {i}.": "实际得到 {arith}，而不是 {i}。",
    "For an input of {i}, TF accepts the output sizes {sizes}.": "输入为 {i} 时，TF 接受的输出尺寸为 {sizes}。",
    "With {padding}, TF accepts output {axis}s {sizes} for an input of {i}.": "使用 {padding} 时，输入为 {i} 的情况下 TF 接受的输出{axis}为 {sizes}。",
    "TF SAME accepts only {sizes} for an input of {i}.": "输入为 {i} 时，TF SAME 只接受 {sizes}。",
    "A forward conv over {a} (kernel {b}, stride {c}, dilation {d}) gives {e}, not {f}.": "对 {a} 做前向卷积（卷积核 {b}，步长 {c}，膨胀率 {d}）得到 {e}，而不是 {f}。",
    "TF does not print the padding, so convt cannot list the valid sizes.": "TF 没有打印填充方式，所以 convt 无法列出有效尺寸。",
    "This is the short TF 1.x form (TF 2.x adds spatial_dim, input, filter, stride and dilation):":
        "这是 TF 1.x 的简短形式（TF 2.x 还会打印 spatial_dim、input、filter、stride 和 dilation）：",
    "it does not print the requested size, the kernel, the stride or the padding, so convt cannot tell the padding or list the valid sizes.":
        "它不打印请求的尺寸、卷积核、步长或填充，所以 convt 无法判断填充方式，也无法列出有效尺寸。",
    "With SAME padding and stride s, TF accepts output sizes (i-1)*s+1 to i*s for an input of {i} (stride {s}:":
        "使用 SAME 填充和步长 s 时，输入为 {i} 的情况下 TF 接受 (i-1)*s+1 到 i*s 的输出尺寸（步长 {s}：",
    "With SAME padding and stride s, TF accepts output sizes from {a}*s+1 to {b}*s for an input of {i}.":
        "使用 SAME 填充和步长 s 时，输入为 {i} 的情况下 TF 接受从 {a}*s+1 到 {b}*s 的输出尺寸。",
    "with VALID, (i-1)*s + k_eff to (i-1)*s + k_eff + s - 1.": "使用 VALID 时为 (i-1)*s + k_eff 到 (i-1)*s + k_eff + s - 1。",
    "Since computed {a} > actual {b}, the output_shape is too large for this stride (or the stride is too small).":
        "由于 computed {a} > actual {b}，对这个步长来说 output_shape 太大了（或者步长太小）。",
    "Since computed {a} < actual {b}, the output_shape is too small for this stride (or the stride is too large).":
        "由于 computed {a} < actual {b}，对这个步长来说 output_shape 太小了（或者步长太大）。",
    "This is the seed's error:": "这正是种子问题里的报错：",
    "building the gradient of {op} with respect to its input x runs a forward conv (same filter, strides, padding) over the gradient of the output, whose shape is your output_shape.":
        "构建 {op} 对输入 x 的梯度时，会在输出的梯度上做一次前向卷积（相同的卷积核、步长和填充），而输出梯度的形状就是你的 output_shape。",
    "That forward conv gives {a}, which cannot be the gradient of an input of {b}, so the output_shape does not map back onto the input.":
        "这次前向卷积得到 {a}，它不可能是大小为 {b} 的输入的梯度，所以 output_shape 映射不回输入。",
    "input {a}, forward conv of your output_shape {b}.) The message prints neither the output_shape, the kernel, the stride nor the padding, so convt cannot list the valid sizes.":
        "输入 {a}，对你的 output_shape 做前向卷积得到 {b}。）报错既没有打印 output_shape，也没有打印卷积核、步长或填充，所以 convt 无法列出有效尺寸。",
    "TensorFlow could not build the gradient (graph mode, static shapes):": "TensorFlow 无法构建梯度（图模式，静态形状）：",
    "the gradient computed for input {a} of `{op}` has shape ({b}), but that input has shape ({c}).":
        "为 `{op}` 的第 {a} 个输入计算出的梯度形状是 ({b})，但这个输入的形状是 ({c})。",
    "TensorFlow refused to merge shape ({a}) into ({b}) (TensorShape.merge_with).": "TensorFlow 拒绝把形状 ({a}) 合并到 ({b})（TensorShape.merge_with）。",
    # TensorFlow channels, batch, arguments
    "TensorFlow:": "TensorFlow：",
    "TensorFlow ({op}):": "TensorFlow（{op}）：",
    "the batch size in output_shape must equal the batch size of the input x (`input` is your output_shape, `out_backprop` is your input x).":
        "output_shape 中的批量必须等于输入 x 的批量（`input` 是你的 output_shape，`out_backprop` 是你的输入 x）。",
    "output_shape says batch {a}, your input x has batch {b}.": "output_shape 写的批量是 {a}，而你的输入 x 的批量是 {b}。",
    "A hard-coded batch in output_shape breaks as soon as the batch changes (e.g.": "在 output_shape 里写死批量，批量一变就会出错（例如",
    "the last, smaller batch of an epoch).": "一个 epoch 的最后一个较小的批次）。",
    "the channel count in output_shape must equal the filter's axis {a} (output_channels in [{axes}]) (here {b} vs {c}).":
        "output_shape 中的通道数必须等于卷积核的第 {a} 维（[{axes}] 中的 output_channels）（这里是 {b} 对 {c}）。",
    "the channel count in output_shape must equal the filter's axis {a} (output_channels in [{axes}]).":
        "output_shape 中的通道数必须等于卷积核的第 {a} 维（[{axes}] 中的 output_channels）。",
    "the channel count in output_shape must equal the filter's axis {a} (output_channels in [{axes}]);":
        "output_shape 中的通道数必须等于卷积核的第 {a} 维（[{axes}] 中的 output_channels）；",
    "TF calls your output_shape `input`, so this is the forward conv's input {axis}.": "TF 把你的 output_shape 叫作 `input`，所以这就是前向卷积的输入{axis}。",
    "TF calls your output_shape `input`.": "TF 把你的 output_shape 叫作 `input`。",
    "TF calls your input `out_backprop`.": "TF 把你的输入叫作 `out_backprop`。",
    "a multiple does not help.": "整数倍也没用。",
    "the input x's channels must equal the filter's LAST axis.": "输入 x 的通道数必须等于卷积核的**最后一维**。",
    "the input x's channels must equal the filter's LAST axis (in_channels of [{axes}]);": "输入 x 的通道数必须等于卷积核的**最后一维**（[{axes}] 中的 in_channels）；",
    "the input's channels must be a multiple of the filter's axis {a} (in_channels of [{axes}]).": "输入的通道数必须是卷积核第 {a} 维（[{axes}] 中的 in_channels）的整数倍。",
    "the filter has {a} channels on axis {b} (output_channels).": "卷积核在第 {b} 维（output_channels）上有 {a} 个通道。",
    "output_shape's channel count is a multiple of the filter's output_channels (axis {a}), so TF reads it as a grouped transposed conv, which its CPU kernel cannot compute (with oneDNN on, the default, it runs as a grouped conv).":
        "output_shape 的通道数是卷积核 output_channels（第 {a} 维）的整数倍，所以 TF 把它当作分组转置卷积，而 CPU 内核无法计算（开启 oneDNN 时——这是默认——它会作为分组卷积运行）。",
    "Here output_shape has {a} channels and the filter's axis {b} has {c}.": "这里 output_shape 有 {a} 个通道，而卷积核第 {b} 维是 {c}。",
    "the input channels are a multiple of the filter's in_channels, so TF runs a grouped conv, and the output channels must then be divisible by the number of groups.":
        "输入通道数是卷积核 in_channels 的整数倍，所以 TF 运行分组卷积，此时输出通道数必须能被组数整除。",
    "TensorFlow's CPU {op} has no grouped form:": "TensorFlow 的 CPU {op} 没有分组形式：",
    "the filter's axis {a} (in_channels) must equal the input's channels.": "卷积核的第 {a} 维（in_channels）必须等于输入的通道数。",
    "TensorFlow's CPU {op} refuses dilations > {a} (GPUs compute them;": "TensorFlow 的 CPU {op} 拒绝 dilations > {a}（GPU 可以计算；",
    "so do PyTorch and convt).": "PyTorch 和 convt 也可以）。",
    "TensorFlow's CPU kernels for {op} and {op2} only support NDHWC (channels last).": "TensorFlow 用于 {op} 和 {op2} 的 CPU 内核只支持 NDHWC（通道在最后）。",
    "TensorFlow's classic CPU kernel (oneDNN off, or float64) refuses dilations > {a} in {op}, although the arithmetic is well defined:":
        "TensorFlow 的经典 CPU 内核（关闭 oneDNN，或 float64）在 {op} 中拒绝 dilations > {a}，尽管这个计算是有明确定义的：",
    "the kernel spans (k-1)*d+1 cells.": "卷积核跨越 (k-1)*d+1 个格子。",
    "TF's oneDNN kernel (the float32 default) and PyTorch compute it;": "TF 的 oneDNN 内核（float32 的默认）和 PyTorch 都能计算；",
    "convt does too.": "convt 也可以。",
    "TensorFlow's classic CPU kernel only supports NHWC (channels last).": "TensorFlow 的经典 CPU 内核只支持 NHWC（通道在最后）。",
    "TensorFlow's classic CPU kernels only support NHWC (channels last).": "TensorFlow 的经典 CPU 内核只支持 NHWC（通道在最后）。",
    "NCHW works on GPU or with oneDNN on.": "NCHW 在 GPU 上或开启 oneDNN 时可用。",
    "TensorFlow's default oneDNN CPU kernel ({k}) could not build its primitive and hid the real reason.":
        "TensorFlow 默认的 oneDNN CPU 内核（{k}）无法构建它的 primitive，并隐藏了真正的原因。",
    "With {op} this almost always means TF's own check would have failed:": "对于 {op}，这几乎总是意味着 TF 自己的检查本来就会失败：",
    "the output_shape does not map back onto the input (a forward conv of output_shape does not give the input's size), or the batch or input channels do not match the filter.":
        "output_shape 映射不回输入（对 output_shape 做前向卷积得不到输入的尺寸），或者批量或输入通道与卷积核不匹配。",
    "Setting TF_ENABLE_ONEDNN_OPTS={a} (or using float64) brings the real message back, with its numbers.":
        "设置 TF_ENABLE_ONEDNN_OPTS={a}（或使用 float64）就能看到真正的报错及其中的数字。",
    "a forward conv over a size of {a} with a kernel spanning {b} cells (effective filter size = (kernel-1)*dilation+1) and stride {c} would produce {d} cells.":
        "对大小为 {a} 的输入、跨越 {b} 个格子的卷积核（有效卷积核大小 = (kernel-1)*dilation+1）、步长 {c} 做前向卷积，会得到 {d} 个格子。",
    "For {op}, `input_size` is the output_shape you asked for:": "对 {op} 来说，`input_size` 就是你请求的 output_shape：",
    "it is smaller than the kernel span, which VALID (or small explicit) padding cannot handle.": "它比卷积核的跨度还小，VALID（或较小的显式）填充无法处理。",
    "an entry of output_shape (TF calls it input_sizes) is negative.": "output_shape（TF 称之为 input_sizes）中有负数。",
    "an entry of output_shape is negative.": "output_shape 中有负数。",
    # refusals the differential check found (empty axes, tapless filters, PyTorch's empty backend)
    "a spatial axis of the input has no cells.": "输入的某个空间轴没有格子。",
    "Only an empty batch or an empty channel axis gives an (empty) output;": "只有空批量或空通道轴才会得到（空的）输出；",
    "a 1-D input is shown as 2-D, with a height of 1.": "一维输入会显示成二维，高度为 1。",
    "give every spatial axis at least one cell": "让每个空间轴至少有一个格子",
    "the input and the weight must have the same number of axes:": "输入和权重的轴数必须相同：",
    "(N, C, *spatial) and (out, in / groups, *kernel) for a forward conv.":
        "正向卷积分别为 (N, C, *spatial) 和 (out, in / groups, *kernel)。",
    "give the weight one axis per spatial axis of the input, plus two": "让权重的轴数等于输入的空间轴数加二",
    "with an empty batch the kernels' checks are skipped and the output size formula (i - 1) * stride - 2 * "
    "padding + dilation * (kernel - 1) + output_padding + 1 came out negative.":
        "批量为空时会跳过内核的检查，而输出尺寸公式 (i - 1) * stride - 2 * padding + dilation * (kernel - 1) "
        "+ output_padding + 1 算出了负数。",
    "use less padding": "减小填充",
    "with an empty batch the conv multiplies by the weight's first value, and this weight has none (a kernel size of 0).":
        "批量为空时，卷积会乘以权重的第一个值，而这个权重一个值都没有（卷积核尺寸为 0）。",
    "give the kernel at least one tap per axis": "让卷积核在每个轴上至少有一个抽头",
    "the filter has no taps (a kernel size of 0).": "滤波器没有抽头（卷积核尺寸为 0）。",
    "conv2d / conv3d refuse it;": "conv2d / conv3d 会拒绝它；",
    "float32 transposes fail in their matrix product for a batch of several images.":
        "float32 的转置卷积在批量含多张图时会在矩阵乘法中失败。",
    "give the filter at least one tap per spatial axis": "让滤波器在每个空间轴上至少有一个抽头",
    "the filter has 0 input channels (axis 3 of a conv3d filter).": "滤波器的输入通道数为 0（conv3d 滤波器的第 3 轴）。",
    "give the filter as many input channels as the input has": "让滤波器的输入通道数与输入相同",
    "data_format names the layout:": "data_format 指定布局：",
    "the CPU kernels compute channels last.": "CPU 内核按通道在最后的布局计算。",
    "the batch and channel dilations must be {a}.": "批量维和通道维的膨胀率必须为 {a}。",
    "the batch and channel strides must be {a}.": "批量维和通道维的步长必须为 {a}。",
    "explicit padding values must be >= {a}.": "显式填充的值必须 >= {a}。",
    "To get a larger transposed-conv output, ask for a larger output_shape instead.": "想让转置卷积输出更大，请改为请求更大的 output_shape。",
    "padding is 'SAME', 'VALID' or an explicit list [[{a}, {b}], [top, bottom], [left, right], [{c}, {d}]] (NHWC), with zeros for batch and channels.":
        "padding 可以是 'SAME'、'VALID' 或显式列表 [[{a}, {b}], [top, bottom], [left, right], [{c}, {d}]]（NHWC），批量维和通道维填零。",
    "strides must be >= {a} and dilations >= {b}.": "strides 必须 >= {a}，dilations 必须 >= {b}。",
    "Got {a}.": "实际得到 {a}。",
    "strides (and dilations) of a {a}-D conv must be an int or a list of {sizes} or {b} values;": "{a} 维卷积的 strides（和 dilations）必须是一个整数，或 {sizes} 或 {b} 个值的列表；",
    "this one has {a}.": "这里有 {a} 个。",
    "tf.nn.{op} passes strides and dilations straight to the op, which takes a list of exactly {a} values (no int, no {b}-value form, unlike {op2}).":
        "tf.nn.{op} 把 strides 和 dilations 直接传给算子，算子只接受恰好 {a} 个值的列表（不接受整数，也不接受 {b} 个值的形式，与 {op2} 不同）。",
    "tf.nn.conv1d, conv1d_transpose, conv3d and conv3d_transpose take padding 'SAME' or 'VALID' only (an explicit list works only for the {a}-D ops).":
        "tf.nn.conv1d、conv1d_transpose、conv3d 和 conv3d_transpose 只接受 'SAME' 或 'VALID' 填充（显式列表只对 {a} 维算子有效）。",
    "tf.nn.conv2d_transpose wants padding 'SAME' or 'VALID' in capitals (or an explicit list);": "tf.nn.conv2d_transpose 要求大写的 'SAME' 或 'VALID' 填充（或显式列表）；",
    "Keras layers take lower case.": "Keras 层用小写。",
    "output_shape (TF calls it input_sizes) must have {a} values [{x}] or {b} values [{y}], but it has {c}.":
        "output_shape（TF 称之为 input_sizes）必须有 {a} 个值 [{x}] 或 {b} 个值 [{y}]，但它有 {c} 个。",
    # PyTorch
    "PyTorch ({op}.forward with output_size) refused the requested output size.": "PyTorch（带 output_size 的 {op}.forward）拒绝了请求的输出尺寸。",
    "PyTorch accepts {a} to {b} (stride {c}:": "PyTorch 接受 {a} 到 {b}（步长 {c}：",
    "min + stride - 1 (it ignores dilation);": "min + stride - 1（它忽略膨胀率）；",
    "The accepted range is min ..": "接受的范围是 min ..",
    "the check itself is right.) The accepted range is min ..": "检查本身是对的。）接受的范围是 min ..",
    "(For an unbatched input PyTorch prints the wrong slice of its shape, torch.Size([{a}]), one size short;":
        "（对于不带批量维的输入，PyTorch 打印了形状中错误的一段 torch.Size([{a}])，少了一个尺寸；",
    "F.conv_transpose{n}d's output_padding may go up to max(stride, dilation) - 1.": "F.conv_transpose{n}d 的 output_padding 最大可以到 max(stride, dilation) - 1。",
    "output_padding must be smaller than the stride or the dilation in every dimension (op < max(stride, dilation)).":
        "每个维度上 output_padding 都必须小于步长或膨胀率（op < max(stride, dilation)）。",
    "It only selects which of the possible output sizes you get (it does not add zeros).": "它只是选择你得到哪一个可能的输出尺寸（它不会补零）。",
    "the most allowed is {a}.": "最大允许值是 {a}。",
    "output_padding {a}, stride {b}, dilation {c}:": "output_padding {a}，步长 {b}，膨胀率 {c}：",
    "The output is (i-1)*stride - 2*padding + dilation*(kernel-1) + output_padding + 1:": "输出为 (i-1)*stride - 2*padding + dilation*(kernel-1) + output_padding + 1：",
    "the padding is too large for this input.": "对这个输入来说填充太大了。",
    "for an input of {a}, the transposed conv would produce {b}, and sizes below {c} are refused.": "对 {a} 的输入，转置卷积会得到 {b}，而小于 {c} 的尺寸会被拒绝。",
    "No positive {axis} is possible with these settings, so PyTorch accepts no output size at all:": "这些设置下不可能有正的{axis}，所以 PyTorch 不接受任何输出尺寸：",
    "the {axis} range ends below {a} (too much padding).": "{axis}的范围在 {a} 以下就结束了（填充过多）。",
    "The {axis} on its own would accept {sizes}.": "单看{axis}，它会接受 {sizes}。",
    "(A {a} x n input is also what conv_transpose1d prints:": "（conv_transpose1d 打印的也是 {a} x n 的输入：",
    "it runs as {a}-D on a unit {axis}, so only the second sizes are yours.)": "它在单位{axis}上作为 {a} 维运行，所以只有第二个尺寸是你的。）",
    "(If this came from conv_transpose1d / ConvTranspose1d:": "（如果它来自 conv_transpose1d / ConvTranspose1d：",
    "PyTorch runs it as {a}-D on a unit {axis} and prints that {axis}'s values, {sizes} and {b}, first;": "PyTorch 在单位{axis}上把它作为 {a} 维运行，并先打印这个{axis}的值 {sizes} 和 {b}；",
    "the {axis} values are yours.) {axis2}:": "{axis}的值才是你的。）{axis2}：",
    "PyTorch (forward conv):": "PyTorch（前向卷积）：",
    "output_size must list the spatial sizes ({a} for a {b}-D conv) or the whole shape ({c} for batched input);":
        "output_size 必须列出空间尺寸（{b} 维卷积为 {a} 个）或完整形状（带批量的输入为 {c} 个）；",
    "it has {a} entries.": "它有 {a} 项。",
    "the transposed conv's weight ({w}) is laid out (in_channels, out_channels/groups, kH, kW), so the input must have {b} channels (weight axis {c}), but input ({x}) has {e}.":
        "转置卷积的权重 ({w}) 的布局是 (in_channels, out_channels/groups, kH, kW)，所以输入必须有 {b} 个通道（权重第 {c} 维），但输入 ({x}) 有 {e} 个。",
    "the conv's weight ({w}) (out, in/groups, kH, kW) expects {b} input channels, but input ({x}) has {d}.":
        "卷积的权重 ({w}) (out, in/groups, kH, kW) 期望 {b} 个输入通道，但输入 ({x}) 有 {d} 个。",
    "For a transposed conv the output channels are weight.shape[{a}] * groups.": "对转置卷积，输出通道数为 weight.shape[{a}] * groups。",
    "the bias must have one value per output channel ({a}), but it has shape ({b}).": "偏置必须每个输出通道一个值（{a} 个），但它的形状是 ({b})。",
    "the kernel ({a}, dilated) is larger than the padded input ({b}).": "卷积核（{a}，膨胀后）比填充后的输入（{b}）还大。",
    "PyTorch's mkldnn CPU path hid the reason;": "PyTorch 的 mkldnn CPU 路径隐藏了原因；",
    "with transposed convs this usually means the computed output size is below {a} (too much padding).": "对转置卷积来说，这通常意味着算出的输出尺寸小于 {a}（填充过多）。",
    "With torch.backends.mkldnn.flags(enabled=False) PyTorch says 'Output size is too small'.": "在 torch.backends.mkldnn.flags(enabled=False) 下，PyTorch 会说 'Output size is too small'。",
    "a conv takes its input with or without the batch axis:": "卷积的输入可以带或不带批量维：",
    "a string padding must be 'same' or 'valid' (lower case, forward convs only).": "字符串形式的填充必须是 'same' 或 'valid'（小写，仅限前向卷积）。",
    "dilation must be >= {a}.": "膨胀率必须 >= {a}。",
    "groups must be >= {a}.": "groups 必须 >= {a}。",
    "padding must be >= {a}.": "填充必须 >= {a}。",
    "stride must be >= {a} in every dimension.": "每个维度的步长都必须 >= {a}。",
    "To get a LARGER output from a transposed conv, lower padding (towards {a}) or use output_padding / output_size;":
        "想让转置卷积的输出**更大**，请减小填充（向 {a} 靠拢）或使用 output_padding / output_size；",
    "to crop asymmetrically, compute with padding={a} and slice.": "想不对称地裁剪，就用 padding={a} 计算后再切片。",
    "padding='same' only works with stride {a} (forward conv2d).": "padding='same' 只在步长为 {a} 时有效（前向 conv2d）。",
    "stride, padding, dilation and output_padding are an int or one value per spatial dimension ({a} for a {b}-D conv).":
        "stride、padding、dilation 和 output_padding 是一个整数，或每个空间维度一个值（{b} 维卷积为 {a} 个）。",
    "the weight's axis {a} (in_channels) must be divisible by groups.": "权重的第 {a} 维（in_channels）必须能被 groups 整除。",
    "the weight's axis {a} must have at least `groups` entries (and be divisible by groups).": "权重的第 {a} 维至少要有 `groups` 项（并且能被 groups 整除）。",
    "transposed convs take integer padding only ('same'/'valid' are for forward convs).": "转置卷积只接受整数填充（'same'/'valid' 是给前向卷积用的）。",
    "padding=p removes p cells from each end of the full output (i-1)*s + (k-1)*d + 1.": "padding=p 会从完整输出 (i-1)*s + (k-1)*d + 1 的两端各去掉 p 个格子。",
    # skip connections
    # Keras
    "Keras:": "Keras：",
    "This is a known Keras pitfall:": "这是一个已知的 Keras 陷阱：",
    "with padding='same', an even kernel ({a}) and output_padding={b}, Keras asks TF for (i-1)*stride + kernel%2 + output_padding = {c} = {d}, but a forward SAME conv maps {e} to ceil({f} / {g}) = {h}, not {i}:":
        "在 padding='same'、偶数卷积核（{a}）和 output_padding={b} 时，Keras 向 TF 请求 (i-1)*stride + kernel%2 + output_padding = {c} = {d}，但 SAME 前向卷积把 {e} 映射为 ceil({f} / {g}) = {h}，而不是 {i}：",
    "(With VALID Keras never asks for a size TF refuses, so the padding was 'same'.": "（使用 VALID 时 Keras 从不请求 TF 会拒绝的尺寸，所以填充一定是 'same'。",
    "The torch backend crops instead and returns {a}.)": "torch 后端则会裁剪并返回 {a}。）",
    "Conv{n}DTranspose cannot combine strides > 1 with dilation_rate > 1.": "Conv{n}DTranspose 不能同时使用 strides > 1 和 dilation_rate > 1。",
    "output_padding must be strictly less than strides in every dimension.": "每个维度上 output_padding 都必须严格小于 strides。",
    "For an input of i, a transposed conv with stride s can produce s different output sizes;": "对大小为 i 的输入，步长为 s 的转置卷积可以产生 s 种不同的输出尺寸；",
    "output_padding (0 .. s-1) picks one of them, so it cannot reach s.": "output_padding（0 .. s-1）从中选一个，所以它不能达到 s。",
    "the transposed conv layers (Conv1DTranspose, Conv2DTranspose, Conv3DTranspose) take padding 'same' or 'valid' only;": "转置卷积层（Conv1DTranspose、Conv2DTranspose、Conv3DTranspose）只接受 'same' 或 'valid' 填充；",
    "'causal' is for the forward Conv1D.": "'causal' 是给前向 Conv1D 用的。",
    "For a causal transposed conv, use 'valid' and crop the extra (kernel - stride) samples at the end.": "想要因果转置卷积，请用 'valid'，再裁掉末尾多出的 (kernel - stride) 个采样点。",
    # JAX
    "Negative pads crop the stride-dilated input of the equivalent direct conv ((i-1)*s + 1 cells);": "负的填充会裁剪等价直接卷积中按步长膨胀后的输入（(i-1)*s + 1 个格子）；",
    "here they crop more than it has.": "这里裁掉的比它本身还多。",
    "By default integer pads are pads of that direct conv, not of the forward conv (jax#32267):": "默认情况下，整数填充是这个直接卷积的填充，而不是前向卷积的填充（jax#32267）：",
    "use_consistent_padding=True reads them like PyTorch's padding.": "use_consistent_padding=True 会像 PyTorch 的 padding 那样解读它们。",
    "conv_transpose's kernel is HWIO by default:": "conv_transpose 的卷积核默认是 HWIO：",
    "its I axis must equal the input's channels.": "它的 I 维必须等于输入的通道数。",
    "With transpose_kernel=True the kernel is flipped and its I and O axes swapped first, so then its O axis must equal them (the TF/Keras layout [h, w, out, in]).":
        "使用 transpose_kernel=True 时，卷积核会先翻转并交换 I 和 O 两维，所以此时它的 O 维必须等于输入通道数（即 TF/Keras 的布局 [h, w, out, in]）。",
    "The kernel has no taps along this axis;": "卷积核在这个轴上没有抽头；",
    "XLA refuses an empty window when it lowers the call.": "XLA 在编译（lowering）这次调用时拒绝空窗口。",
    "Explicit padding must be one (low, high) pair of integers per spatial axis.": "显式填充必须是每个空间轴一对 (low, high) 整数。",
    "One (lo, hi) pair per spatial axis is needed:": "每个空间轴需要一对 (lo, hi)：",
    "(With use_consistent_padding=True extra pairs are silently dropped, too few give this error.)": "（使用 use_consistent_padding=True 时，多余的对会被悄悄丢掉，太少则给出这个报错。）",
    "Only 'SAME' and 'VALID' are converted for a transposed conv;": "对转置卷积，只有 'SAME' 和 'VALID' 会被转换；",
    "any other string reaches conv_general_dilated, which cannot pad a stride-dilated input by name.": "其他字符串会传到 conv_general_dilated，而它无法按名称填充按步长膨胀后的输入。",
    "This padding string is not one JAX knows.": "JAX 不认识这个填充字符串。",
    "With use_consistent_padding=True, JAX reads padding as the forward conv's:": "使用 use_consistent_padding=True 时，JAX 把填充理解为前向卷积的填充：",
    "'SAME', 'VALID' or one (lo, hi) TUPLE per spatial axis.": "'SAME'、'VALID'，或每个空间轴一个 (lo, hi) **元组**。",
    "Lists like [{a}, {b}] and other strings are refused.": "像 [{a}, {b}] 这样的列表和其他字符串都会被拒绝。",
    "dimension_numbers is three strings, e.g.": "dimension_numbers 是三个字符串，例如",
    "the input's, the kernel's and the output's axes, each with its batch/feature letters (N and C;": "分别是输入、卷积核和输出的轴，各自带有批量 / 特征字母（N 和 C；",
    "O and I for the kernel) once and the same spatial letters.": "卷积核为 O 和 I）各一次，以及相同的空间字母。",
    "strides (the input dilation of the equivalent direct conv) and rhs_dilation must be positive.": "strides（等价直接卷积的输入膨胀）和 rhs_dilation 必须为正。",
    "strides and rhs_dilation need one value per spatial axis ({a} for a {b}-D conv);": "strides 和 rhs_dilation 需要每个空间轴一个值（{b} 维卷积为 {a} 个）；",
    "JAX only notices when XLA lowers the call.": "JAX 只有在 XLA 编译（lowering）这次调用时才会发现。",
    # ONNX
    "output_shape asks for {a} cells from an input of {b} (kernel {c}, stride {d}, dilation {e}, output_padding {f});":
        "output_shape 要求从大小为 {b} 的输入（卷积核 {c}，步长 {d}，膨胀率 {e}，output_padding {f}）得到 {a} 个格子；",
    "onnxruntime accepts {sizes} on that axis.": "onnxruntime 在这个轴上接受 {sizes}。",
    "(i-1)*s + k_eff + output_padding - pad_head - pad_tail is below {a}:": "(i-1)*s + k_eff + output_padding - pad_head - pad_tail 小于 {a}：",
    "the pads crop away more than the transposed conv produces.": "填充裁掉的比转置卷积产生的还多。",
    "B must be {a}-D with one value per output channel:": "B 必须是 {a} 维的，每个输出通道一个值：",
    "ConvTranspose's W is [C_in, C_out/group, kH, kW]:": "ConvTranspose 的 W 是 [C_in, C_out/group, kH, kW]：",
    "its FIRST axis must equal X's channels (PyTorch's layout, not TF's [kH, kW, C_out, C_in]).": "它的**第一维**必须等于 X 的通道数（PyTorch 的布局，而不是 TF 的 [kH, kW, C_out, C_in]）。",
    "Conv (the forward conv) has W of shape [C_out, C_in/group, kH, kW]:": "Conv（正向卷积）的 W 形状是 [C_out, C_in/group, kH, kW]：",
    "its SECOND axis times group must equal X's channels (for ConvTranspose it is the first axis).":
        "它的**第二维**乘以 group 必须等于 X 的通道数（ConvTranspose 则是第一维）。",
    "Conv (the forward conv) refused the input's spatial shape:": "Conv（正向卷积）拒绝了输入的空间形状：",
    "on some axis the padded input is smaller than the dilated kernel, (k - 1) * d + 1, so the output would have no cells.":
        "在某个轴上，填充后的输入比膨胀后的卷积核 (k - 1) * d + 1 还小，所以输出一个格子也没有。",
    "or pads (or auto_pad='SAME_UPPER') so that every axis keeps a cell": "或者加 pads（或 auto_pad='SAME_UPPER'），让每个轴至少留下一个格子",
    "make W.shape[1] * group equal to X's channels": "让 W.shape[1] * group 等于 X 的通道数",
    # Keras: a forward conv's input smaller than its kernel
    "with padding='valid' a forward conv needs every input size to be at least the dilated kernel, (kernel - 1) * dilation + 1;":
        "使用 padding='valid' 时，正向卷积的每个输入尺寸都必须至少等于膨胀后的卷积核 (kernel - 1) * dilation + 1；",
    "this input is smaller on some axis ({a}), so the output would have no cells.":
        "这个输入在某个轴上更小（{a}），所以输出一个格子也没有。",
    "this input is smaller on some axis, so the output would have no cells.":
        "这个输入在某个轴上更小，所以输出一个格子也没有。",
    "use padding='same'": "使用 padding='same'",
    "or a smaller kernel": "或者用更小的卷积核",
    "or fewer downsampling layers before this one": "或者在这一层之前少用几个下采样层",
    # Keras: a built layer, or keras.ops.conv_transpose, given other channels
    "the layer {name} was built for inputs with {a} channels (axis {b}) and now received {shape}, with {c}.":
        "层 {name} 是按 {a} 个通道（轴 {b}）的输入构建的，现在收到的是 {shape}，有 {c} 个通道。",
    "the layer {name} was built for inputs with {a} channels (axis {b}) and now received {shape}.":
        "层 {name} 是按 {a} 个通道（轴 {b}）的输入构建的，现在收到的是 {shape}。",
    "the layer was built for inputs with {a} channels (axis {b}) and now received {shape}, with {c}.":
        "这个层是按 {a} 个通道（轴 {b}）的输入构建的，现在收到的是 {shape}，有 {c} 个通道。",
    "the layer was built for inputs with {a} channels (axis {b}) and now received {shape}.":
        "这个层是按 {a} 个通道（轴 {b}）的输入构建的，现在收到的是 {shape}。",
    "A layer's kernel is created on the first call, so every later input must have the same channel count.":
        "层的卷积核在第一次调用时创建，所以之后的每个输入都必须有相同的通道数。",
    "give the layer inputs with {a} channels": "给这个层输入 {a} 个通道的数据",
    "or use a new layer for the new channel count (Conv2DTranspose kernel is (kh, kw, filters, input_channels))":
        "或者为新的通道数另建一个层（Conv2DTranspose 的卷积核是 (kh, kw, filters, input_channels)）",
    "the input has {a} channels but the kernel expects {b} (its last axis).": "输入有 {a} 个通道，但卷积核期望 {b} 个（它的最后一维）。",
    "make the kernel's last axis equal to the input's channels": "让卷积核的最后一维等于输入的通道数",
    # TensorFlow inside tf.function: the static channel check of conv2d_transpose
    "TensorFlow (while tracing, inside tf.function):": "TensorFlow（追踪时，在 tf.function 内）：",
    "your input x has {a} channels but the filter's last axis (in_channels of [height, width, output_channels, in_channels]) is {b}.":
        "你的输入 x 有 {a} 个通道，但卷积核的最后一维（[height, width, output_channels, in_channels] 中的 in_channels）是 {b}。",
    "This channel check is the one conv2d_transpose check TF does before running;": "这个通道检查是 TF 在运行前对 conv2d_transpose 做的唯一检查；",
    "sizes are checked only when the op runs.": "尺寸要到算子运行时才检查。",
    "make the filter's last axis {a} (or give x {b} channels)": "把卷积核的最后一维设为 {a}（或者让 x 有 {b} 个通道）",
    "if the filter's two channel axes are swapped, transpose it:": "如果卷积核的两个通道维弄反了，就转置它：",
    # TensorFlow / keras.ops.conv: a forward conv's channels
    "the input has {a} channels, not a multiple of the filter's in_channels ({b}).":
        "输入有 {a} 个通道，不是卷积核 in_channels（{b}）的倍数。",
    "A forward conv's filter is [width, in_channels, out_channels] in 1-D, [height, width, in_channels, out_channels] in 2-D and [depth, height, width, in_channels, out_channels] in 3-D:":
        "正向卷积的卷积核在一维中是 [width, in_channels, out_channels]，二维中是 [height, width, in_channels, out_channels]，三维中是 [depth, height, width, in_channels, out_channels]：",
    "its second-to-last axis must equal the input's channels (or divide them, for a grouped conv).":
        "它的倒数第二维必须等于输入的通道数（分组卷积时须能整除它）。",
    "make the filter's second-to-last axis {a} (the input's channels)": "把卷积核的倒数第二维设为 {a}（输入的通道数）",
    "if the filter's two channel axes are swapped, transpose its last two axes": "如果卷积核的两个通道维弄反了，就转置它的最后两维",
    "X's channels must split into `group` equal groups.": "X 的通道必须能均分为 `group` 组。",
    "kernel_shape, when given, must equal W's spatial shape.": "如果给出 kernel_shape，它必须等于 W 的空间形状。",
    "onnx's shape inference checks the attributes' lengths and signs when the session is created.": "onnx 的形状推断在创建会话时检查各属性的长度和正负号。",
    "pads only apply with auto_pad=NOTSET;": "pads 只在 auto_pad=NOTSET 时生效；",
    "onnx's shape inference refuses both at once, so the session is not even created.": "onnx 的形状推断拒绝两者同时出现，所以连会话都创建不了。",
    "output_padding {a} with stride {b}:": "output_padding {a}，步长 {b}：",
    "onnxruntime re-derives the input size from the output it computed;": "onnxruntime 会从它算出的输出反推输入尺寸；",
    "with output_padding >= stride that gives one input cell more, so it refuses even when output_padding < dilation (PyTorch accepts that).":
        "当 output_padding >= stride 时会多反推出一个输入格子，所以即使 output_padding < dilation 它也会拒绝（PyTorch 接受这种情况）。",
    # unrecognised
    "The message is empty:": "报错信息为空：",
    "paste the error text Keras, TensorFlow, PyTorch, JAX, ONNX printed (the last lines of the traceback).": "请粘贴 Keras、TensorFlow、PyTorch、JAX、ONNX 打印的报错文字（traceback 的最后几行）。",
    "This looks like a {fw} message, but not one convt knows:": "这看起来像是 {fw} 的报错，但 convt 不认识这一条：",
    "it recognises the transposed-convolution shape, channel, batch, padding and stride errors of Keras, TensorFlow, PyTorch, JAX, ONNX.":
        "它能识别 Keras、TensorFlow、PyTorch、JAX、ONNX 中与转置卷积的形状、通道、批量、填充和步长有关的报错。",
    "Paste the error line itself (the last line of the traceback).": "请粘贴报错那一行本身（traceback 的最后一行）。",
    "convt does not recognise this message.": "convt 不认识这条报错。",
    "It reads the transposed-convolution shape, channel, batch, padding and stride errors of Keras, TensorFlow, PyTorch, JAX, ONNX:":
        "它能读懂 Keras、TensorFlow、PyTorch、JAX、ONNX 中与转置卷积的形状、通道、批量、填充和步长有关的报错：",
    "paste the error line itself (the last line of the traceback).": "请粘贴报错那一行本身（traceback 的最后一行）。",
    "Recognised a {fw} message ({kind}), but convt could not read its numbers ({exc}).": "识别出这是 {fw} 的报错（{kind}），但 convt 无法读出其中的数字（{exc}）。",
    "{title} refused to concatenate two tensors whose {axis}s differ: {a} and {b}. This is a skip connection (U-Net, autoencoder): the decoder's upsampled tensor must have exactly the size of the encoder tensor it is joined with. Each downsampling rounds an odd size (down with pooling or VALID, up with SAME), so when the input is not a multiple of 2^depth the upsampling comes back one cell short or long.":
        "{title} 拒绝拼接两个{axis}不同的张量：{a} 和 {b}。这是一个跳跃连接（U-Net、自编码器）：解码器上采样得到的张量必须与它所拼接的编码器张量尺寸完全相同。每次下采样都会对奇数尺寸取整（池化或 VALID 向下取整，SAME 向上取整），所以当输入不是 2^depth 的整数倍时，上采样回来会少一格或多一格。",
    "{title} refused to concatenate two tensors whose heights or widths differ: {a} and {b}. This is a skip connection (U-Net, autoencoder): the decoder's upsampled tensor must have exactly the size of the encoder tensor it is joined with. Each downsampling rounds an odd size (down with pooling or VALID, up with SAME), so when the input is not a multiple of 2^depth the upsampling comes back one cell short or long.":
        "{title} 拒绝拼接两个高度或宽度不同的张量：{a} 和 {b}。这是一个跳跃连接（U-Net、自编码器）：解码器上采样得到的张量必须与它所拼接的编码器张量尺寸完全相同。每次下采样都会对奇数尺寸取整（池化或 VALID 向下取整，SAME 向上取整），所以当输入不是 2^depth 的整数倍时，上采样回来会少一格或多一格。",
    "conv{n}d_transpose is the gradient of a forward conv, so TF checks that a forward {padding} conv (kernel {k}, stride {s}, dilation {d}) over your requested {axis} {o} would give back your input's {axis} {i}.":
        "conv{n}d_transpose 是前向卷积的梯度，所以 TF 会检查：对你请求的{axis} {o} 做一次 {padding} 前向卷积（卷积核 {k}，步长 {s}，膨胀率 {d}），能否得回输入的{axis} {i}。",
    "conv{n}d_transpose has no grouped form:": "conv{n}d_transpose 没有分组形式：",
    "conv{n}d_transpose's filter is laid out [{axes}] (the forward conv's filter seen from the other side), and TF calls your input `out_backprop`, so its channels are the forward conv's out_depth.":
        "conv{n}d_transpose 的卷积核布局是 [{axes}]（从另一侧看的前向卷积核），而 TF 把你的输入叫作 `out_backprop`，所以它的通道数就是前向卷积的 out_depth。",
    "conv{n}d_transpose takes a {a}-D input [{x}], a {b}-D filter [{w}] and a {c}-D (or {d}-value) output_shape.":
        "conv{n}d_transpose 接受 {a} 维输入 [{x}]、{b} 维卷积核 [{w}]，以及 {c} 维（或 {d} 个值的）output_shape。",
    "conv{n}d and conv{m}d_transpose take a {a}-D input [{x}], a {b}-D filter and (the transpose) an output_shape of exactly {c} values.":
        "conv{n}d 和 conv{m}d_transpose 接受 {a} 维输入 [{x}]、{b} 维卷积核，以及（转置时）恰好 {c} 个值的 output_shape。",
    "Along the {axis} the stride-dilated input has {a} cells and pads ({p}) leave {b}; along the {axis2} the stride-dilated input has {c} cells and pads ({q}) leave {d}; along the {axis3} the stride-dilated input has {e} cells and pads ({r}) leave {f}. Negative pads crop the stride-dilated input of the equivalent direct conv ((i-1)*s + 1 cells); here they crop more than it has. By default integer pads are pads of that direct conv, not of the forward conv (jax#32267): use_consistent_padding=True reads them like PyTorch's padding.":
        "沿{axis}，按步长膨胀后的输入有 {a} 个格子，填充 ({p}) 之后剩下 {b} 个；沿{axis2}，按步长膨胀后的输入有 {c} 个格子，填充 ({q}) 之后剩下 {d} 个；沿{axis3}，按步长膨胀后的输入有 {e} 个格子，填充 ({r}) 之后剩下 {f} 个。负的填充会裁剪等价直接卷积中按步长膨胀后的输入（(i-1)*s + 1 个格子）；这里裁掉的比它本身还多。默认情况下，整数填充是这个直接卷积的填充，而不是前向卷积的填充（jax#32267）：use_consistent_padding=True 会像 PyTorch 的 padding 那样解读它们。",
    "Along the {axis} the stride-dilated input has {a} cells and pads ({p}) leave {b}. Negative pads crop the stride-dilated input of the equivalent direct conv ((i-1)*s + 1 cells); here they crop more than it has. By default integer pads are pads of that direct conv, not of the forward conv (jax#32267): use_consistent_padding=True reads them like PyTorch's padding.":
        "沿{axis}，按步长膨胀后的输入有 {a} 个格子，填充 ({p}) 之后剩下 {b} 个。负的填充会裁剪等价直接卷积中按步长膨胀后的输入（(i-1)*s + 1 个格子）；这里裁掉的比它本身还多。默认情况下，整数填充是这个直接卷积的填充，而不是前向卷积的填充（jax#32267）：use_consistent_padding=True 会像 PyTorch 的 padding 那样解读它们。",
    "Along the {axis} the stride-dilated input has {a} cells and pads ({p}) leave {b}; along the {axis2} the stride-dilated input has {c} cells and pads ({q}) leave {d}. Negative pads crop the stride-dilated input of the equivalent direct conv ((i-1)*s + 1 cells); here they crop more than it has. By default integer pads are pads of that direct conv, not of the forward conv (jax#32267): use_consistent_padding=True reads them like PyTorch's padding.":
        "沿{axis}，按步长膨胀后的输入有 {a} 个格子，填充 ({p}) 之后剩下 {b} 个；沿{axis2}，按步长膨胀后的输入有 {c} 个格子，填充 ({q}) 之后剩下 {d} 个。负的填充会裁剪等价直接卷积中按步长膨胀后的输入（(i-1)*s + 1 个格子）；这里裁掉的比它本身还多。默认情况下，整数填充是这个直接卷积的填充，而不是前向卷积的填充（jax#32267）：use_consistent_padding=True 会像 PyTorch 的 padding 那样解读它们。",
    "stride {s}:": "步长 {s}：",
    "{a} to {b};": "{a} 至 {b}；",
    "{a} to {b});": "{a} 至 {b}）；",
    "s-1) picks one of them, so it cannot reach s.": "s-1）从中选一个，所以它不能达到 s。",
    "PyTorch:": "PyTorch：",
    "ONNX:": "ONNX：",
    "JAX:": "JAX：",
    "you asked for {a};": "你请求的是 {a}；",
    "(For an unbatched input PyTorch prints the wrong slice of its shape, torch.Size([]), one size short;":
        "（对于不带批量维的输入，PyTorch 打印了形状中错误的一段 torch.Size([])，少了一个尺寸；",
    "The input has {a} channels but the kernel's input-feature axis, as JAX reads it, has {b}. conv_transpose's kernel is HWIO by default: its I axis must equal the input's channels. With transpose_kernel=True the kernel is flipped and its I and O axes swapped first, so then its O axis must equal them (the TF/Keras layout [h, w, out, in]).":
        "输入有 {a} 个通道，但按 JAX 的理解，卷积核的输入特征维是 {b}。conv_transpose 的卷积核默认是 HWIO：它的 I 维必须等于输入的通道数。使用 transpose_kernel=True 时，卷积核会先翻转并交换 I 和 O 两维，所以此时它的 O 维必须等于输入通道数（即 TF/Keras 的布局 [h, w, out, in]）。",
    "output_padding {a} is not below max(stride, dilation) = {b}. output_padding only picks one of the sizes a strided conv maps back to the same input; onnxruntime needs it below max(stride, dilation).":
        "output_padding {a} 不小于 max(stride, dilation) = {b}。output_padding 只是在带步长的卷积能映射回同一输入的那些尺寸中选一个；onnxruntime 要求它小于 max(stride, dilation)。",
    # --- the decoder's fixes --------------------------------------------------------------------
    "if you use SAME:": "如果你用的是 SAME：",
    "if you use VALID:": "如果你用的是 VALID：",
    "ask for output_shape {a} on that axis": "在那个轴上请求 output_shape {a}",
    "or output_padding=None (Keras asks for i*stride = {a})": "或者 output_padding=None（Keras 会请求 i*stride = {a}）",
    "output_padding={a} (Keras then asks for {b})": "output_padding={a}（Keras 会请求 {b}）",
    "ask for an output size of at least {a}:": "请求至少为 {a} 的输出尺寸：",
    "with VALID, an input of i needs (i-1)*{b} + {c} to (i-1)*{e} + {f} + {g}": "使用 VALID 时，大小为 i 的输入需要 (i-1)*{b} + {c} 到 (i-1)*{e} + {f} + {g}",
    "use ConvTranspose{n}d(in_channels={a}, ...) for this input": "对这个输入使用 ConvTranspose{n}d(in_channels={a}, ...)",
    "use Conv{n}d(in_channels={a}, ...)": "使用 Conv{n}d(in_channels={a}, ...)",
    "ask for an output height whose forward conv gives {a} (open the shape explorer with your explicit padding)": "请求一个前向卷积能得到 {a} 的输出高度（用你的显式填充打开形状探索器）",
    "ask for an output width whose forward conv gives {a} (open the shape explorer with your explicit padding)": "请求一个前向卷积能得到 {a} 的输出宽度（用你的显式填充打开形状探索器）",
    "ask for an output depth whose forward conv gives {a} (open the shape explorer with your explicit padding)": "请求一个前向卷积能得到 {a} 的输出深度（用你的显式填充打开形状探索器）",
    "ask for an output length whose forward conv gives {a} (open the shape explorer with your explicit padding)": "请求一个前向卷积能得到 {a} 的输出长度（用你的显式填充打开形状探索器）",
    "or crop the larger tensor to {a} (or pad the smaller one to {b}) before the concat": "或者在 concat 之前把较大的张量裁剪到 {a}（或把较小的填充到 {b}）",
    "or feed an input with {a} channels": "或者输入 {a} 个通道",
    "set output_shape[{a}] to filters.shape[{b}] ({c})": "把 output_shape[{a}] 设为 filters.shape[{b}]（{c}）",
    "set output_shape[{a}] to filters.shape[{b}]": "把 output_shape[{a}] 设为 filters.shape[{b}]",
    "use a bias of shape ({a},)": "使用形状为 ({a},) 的偏置",
    "use output_padding {a} or less": "使用不大于 {a} 的 output_padding",
    "add the batch axis:": "加上批量维：",
    "ask the upsampling for the skip tensor's size:": "让上采样直接请求跳跃连接张量的尺寸：",
    "PyTorch output_size=skip.shape[{a}:], TF output_shape=tf.shape(skip), or output_padding={b} when {c} is below the stride":
        "PyTorch 用 output_size=skip.shape[{a}:]，TF 用 output_shape=tf.shape(skip)，或者在 {c} 小于步长时用 output_padding={b}",
    "make filters.shape[{a}] equal to x.shape[{b}]": "让 filters.shape[{a}] 等于 x.shape[{b}]",
    "that is what the forward conv of your output_shape gives": "这正是对你的 output_shape 做前向卷积得到的",
    "that is what the forward conv of {a} gives": "这正是对 {a} 做前向卷积得到的",
    "TF 2.x prints the full message (input, filter, stride, dilation);": "TF 2.x 会打印完整的报错（input、filter、stride、dilation）；",
    "paste that one for exact valid sizes, or open the shape explorer": "粘贴那条报错就能得到确切的有效尺寸，或者打开形状探索器",
    "add padding": "增加填充",
    "ask for an output size whose forward conv gives {a}:": "请求一个前向卷积能得到 {a} 的输出尺寸：",
    "with SAME padding and stride s, any size from {a}*s+{b} to {c}*s": "使用 SAME 填充和步长 s 时，{a}*s+{b} 到 {c}*s 之间的任何尺寸都可以",
    "ask for at most (i-1)*s + k_eff + s - 1": "请求的尺寸不要超过 (i-1)*s + k_eff + s - 1",
    "build output_shape from the input:": "根据输入构造 output_shape：",
    "check that the input's channels equal the filter's last axis and the batch of output_shape equals the input's batch (use tf.shape(x)[{a}])":
        "检查输入的通道数是否等于卷积核的最后一维，以及 output_shape 的批量是否等于输入的批量（用 tf.shape(x)[{a}]）",
    "check the sizes:": "检查尺寸：",
    "with SAME, output_shape must be in (i-1)*s+1 ..": "使用 SAME 时，output_shape 必须在 (i-1)*s+1 ..",
    "i*s for an input of i;": "i*s 之间（输入为 i）；",
    "with VALID, (i-1)*s + k_eff ..": "使用 VALID 时为 (i-1)*s + k_eff ..",
    "choose groups dividing in_channels and out_channels": "选择能同时整除 in_channels 和 out_channels 的 groups",
    "compute output_shape from the input:": "根据输入计算 output_shape：",
    "tf.shape(x)[{a}] * stride for SAME": "SAME 时为 tf.shape(x)[{a}] * stride",
    "compute the padding yourself:": "自己计算填充：",
    "(k-1)*d // 2 for odd kernels": "奇数卷积核为 (k-1)*d // 2",
    "dilations=[{a}, d, d, {b}], or just dilations=d": "dilations=[{a}, d, d, {b}]，或直接 dilations=d",
    "strides=[{a}, s, s, {b}], or just strides=s": "strides=[{a}, s, s, {b}]，或直接 strides=s",
    "drop kernel_shape (it is read from W)": "去掉 kernel_shape（它会从 W 读取）",
    "drop pads, or set auto_pad='NOTSET'": "去掉 pads，或设置 auto_pad='NOTSET'",
    "give B of shape [W.shape[{a}] * group]": "给出形状为 [W.shape[{a}] * group] 的 B",
    "give exactly two (lo, hi) pairs": "恰好给出两对 (lo, hi)",
    "give one value per spatial axis (two per axis for pads), none negative": "每个空间轴给一个值（pads 每轴两个），都不能为负",
    "give strides=(sh, sw) and rhs_dilation=(dh, dw)": "给出 strides=(sh, sw) 和 rhs_dilation=(dh, dw)",
    "give the filter at least one output channel": "让卷积核至少有一个输出通道",
    "give the kernel at least one tap per spatial axis": "让卷积核在每个空间轴上至少有一个抽头",
    "if the weight came from a forward conv (out, in, kH, kW), the axes are swapped:": "如果权重来自前向卷积 (out, in, kH, kW)，那么轴是反的：",
    "conv_transpose{n}d uses the same tensor without transposing it": "conv_transpose{n}d 直接使用同一个张量，不做转置",
    "if you swapped the two channel axes of the filter, transpose it:": "如果你把卷积核的两个通道维弄反了，就转置它：",
    "leave dimension_numbers out for NHWC / HWIO / NHWC": "NHWC / HWIO / NHWC 时不要传 dimension_numbers",
    "leave oneDNN on (the default) and use float32": "保持 oneDNN 开启（默认）并使用 float32",
    "make every output_shape entry >= {a}": "让 output_shape 的每一项都 >= {a}",
    "make the input's channels equal to the filter's in_channels (no groups)": "让输入的通道数等于卷积核的 in_channels（不分组）",
    "or a larger input": "或者更大的输入",
    "or a larger kernel with zeros between the taps": "或者在抽头之间补零、用更大的卷积核",
    "or a larger stride": "或者更大的步长",
    "or an odd kernel size": "或者用奇数大小的卷积核",
    "or ask for the size with output_shape": "或者用 output_shape 请求尺寸",
    "or build the filter with output_channels = output_shape[{a}]": "或者构造 output_channels = output_shape[{a}] 的卷积核",
    "or change padding/stride so the size you want needs a smaller output_padding": "或者修改填充 / 步长，让你想要的尺寸只需要更小的 output_padding",
    "or choose channel counts divisible by the groups": "或者选择能被 groups 整除的通道数",
    "or explicit (lo, hi) pairs": "或者显式的 (lo, hi) 对",
    "or feed an input of size {a}:": "或者把输入尺寸改为 {a}：",
    "or feed an input of spatial size {a}:": "或者把输入的空间尺寸改为 {a}：",
    "or give explicit (lo, hi) pairs": "或者给出显式的 (lo, hi) 对",
    "or give output_shape instead": "或者改为给出 output_shape",
    "or only the spatial sizes:": "或者只给空间尺寸：",
    "Keras then picks the size itself (SAME:": "Keras 会自己选择尺寸（SAME：",
    "or output_padding=None:": "或者 output_padding=None：",
    "or pad the network's input to a multiple of {a}^depth (the encoder–decoder page's U-Net solver lists the sizes that round-trip)":
        "或者把网络的输入填充到 {a}^depth 的整数倍（编码器–解码器页面的 U-Net 求解器会列出能来回对齐的尺寸）",
    "or pad with F.pad first, asymmetrically like TF SAME": "或者先用 F.pad 像 TF SAME 那样不对称地填充",
    "or padding='SAME' / 'VALID'": "或者 padding='SAME' / 'VALID'",
    "or padding={a} and slice the output as TF SAME would": "或者用 padding={a}，再像 TF SAME 那样切片输出",
    "or pass only the spatial sizes:": "或者只传空间尺寸：",
    "output_shape=[H, W] (TF 2.x infers batch and channels)": "output_shape=[H, W]（TF 2.x 会推断批量和通道）",
    "or pass output_size= to the module's forward to pick the size directly": "或者把 output_size= 传给模块的 forward，直接选定尺寸",
    "or run on a GPU": "或者在 GPU 上运行",
    "or spell all three with {a} letters each": "或者三个都写成各 {a} 个字母",
    "or toggle transpose_kernel": "或者切换 transpose_kernel",
    "or use a larger input / stride": "或者用更大的输入 / 步长",
    "or use a larger kernel with zeros between the taps instead of dilation": "或者不用膨胀，改用在抽头之间补零的更大卷积核",
    "or use a larger stride or kernel": "或者用更大的步长或卷积核",
    "or use a smaller kernel or dilation": "或者用更小的卷积核或膨胀率",
    "or use dilations={a}": "或者使用 dilations={a}",
    "or use_consistent_padding=True with forward-conv pads": "或者 use_consistent_padding=True 并使用前向卷积的填充",
    "or, if you want more output channels, make the filter's axis {a} that large": "或者，如果你想要更多输出通道，就把卷积核的第 {a} 维改成那么大",
    "pad the input yourself (tf.pad) for other paddings": "其他填充方式请自己填充输入（tf.pad）",
    "padding='same' or padding='valid', or integers": "padding='same' 或 padding='valid'，或整数",
    "padding=((lo, hi), (lo, hi)) for a {a}-D conv": "{a} 维卷积用 padding=((lo, hi), (lo, hi))",
    "pass an int or a pair, e.g.": "传一个整数或一对整数，例如",
    "pass output_shape=[batch, H, W, C] (e.g.": "传入 output_shape=[batch, H, W, C]（例如",
    "pass padding=((lo, hi), (lo, hi)) as tuples": "以元组形式传入 padding=((lo, hi), (lo, hi))",
    "reduce padding": "减小填充",
    "reduce padding (each unit removes two cells)": "减小填充（每个单位去掉两个格子）",
    "reduce padding or enlarge stride/kernel until the {axis} range reaches {a}": "减小填充或增大步长 / 卷积核，直到{axis}的范围达到 {a}",
    "ask for a size from {a} to {b}": "请求 {a} 到 {b} 之间的尺寸",
    "reshape the input to (N, C, *spatial) for the conv's number of spatial axes": "按卷积的空间轴数，把输入 reshape 为 (N, C, *spatial)",
    "run inside torch.backends.mkldnn.flags(enabled=False) to see the real message": "在 torch.backends.mkldnn.flags(enabled=False) 中运行以看到真正的报错",
    "set the environment variable TF_ENABLE_ONEDNN_OPTS={a} before importing TensorFlow (or run in float64) and run again:":
        "在导入 TensorFlow 之前设置环境变量 TF_ENABLE_ONEDNN_OPTS={a}（或用 float64 运行），然后再运行一次：",
    "TF then prints the real reason with its numbers": "TF 就会打印真正的原因及其中的数字",
    "slice the output instead:": "改为切片输出：",
    "the first of three values is the unit height TF adds, the argument is named `stride`)": "三个值中的第一个是 TF 添加的单位高度，参数名是 `stride`）",
    "swap the kernel's last two axes (rhs.transpose({a}))": "交换卷积核的最后两维（rhs.transpose({a})）",
    "transpose W so that its first axis is C_in": "转置 W，让它的第一维是 C_in",
    "use 'SAME' or 'VALID'": "使用 'SAME' 或 'VALID'",
    "use SAME padding (never negative)": "使用 SAME 填充（永远不会为负）",
    "use a group that divides C_in": "使用能整除 C_in 的 group",
    "use a smaller kernel or dilation": "使用更小的卷积核或膨胀率",
    "use data_format='{f}' and transpose:": "使用 data_format='{f}' 并转置：",
    "use groups >= {a}": "使用 groups >= {a}",
    "use output_padding < stride": "使用 output_padding < stride",
    "use padding >= {a}": "使用 padding >= {a}",
    "use padding values >= {a}": "使用 >= {a} 的填充值",
    "use padding='SAME' or 'VALID' (upper case)": "使用 padding='SAME' 或 'VALID'（大写）",
    "use padding=(k-1)//2 for odd kernels (like TF SAME, with output_padding=stride-1 for i*s)": "奇数卷积核使用 padding=(k-1)//2（与 TF SAME 相同；要得到 i*s 再加 output_padding=stride-1）",
    "use smaller (less negative) pads": "使用更小（负得更少）的填充",
    "use smaller pads": "使用更小的填充",
    "use stride >= {a}": "使用 stride >= {a}",
    "use strides >= {a} and dilations >= {b}": "使用 strides >= {a} 和 dilations >= {b}",
    "use strides and rhs_dilation of {a} or more": "strides 和 rhs_dilation 使用 {a} 或更大的值",
    "use strides={a} with dilation, or dilation_rate={b} with strides": "有膨胀时用 strides={a}，有步长时用 dilation_rate={b}",
    "use dilations=[{a}]": "使用 dilations=[{a}]",
    "use output_padding=({a}) (each value below its stride)": "使用 output_padding=({a})（每个值都小于对应的步长）",
    "use output_padding=({a})": "使用 output_padding=({a})",
    "ask for an output size whose forward conv gives {a} (SAME, stride s: {b}*s+1 to {c}*s), or change the stride so the forward conv of your output_shape gives {d}":
        "请求一个前向卷积能得到 {a} 的输出尺寸（SAME，步长 s：{b}*s+1 到 {c}*s），或者修改步长，让对你的 output_shape 做前向卷积得到 {d}",
    "make filters.shape[{a}] equal to x.shape[{b}] (NHWC), e.g. build the filter as [k, k, out_channels, x.shape[{c}]]":
        "让 filters.shape[{a}] 等于 x.shape[{b}]（NHWC），例如把卷积核构造为 [k, k, out_channels, x.shape[{c}]]",
    "strides={a}, [{b}] or [{c}] (conv1d / conv1d_transpose:": "strides={a}、[{b}] 或 [{c}]（conv1d / conv1d_transpose：",
    "Along the {axis} the stride-dilated input has {a} cells and pads ({p}) leave {b}; along the {axis2} the stride-dilated input has {c} cells and pads ({q}) leave {d}; along the {axis3} the stride-dilated input has {e} cells and pads ({r}) leave {f}.":
        "沿{axis}，按步长膨胀后的输入有 {a} 个格子，填充 ({p}) 之后剩下 {b} 个；沿{axis2}，按步长膨胀后的输入有 {c} 个格子，填充 ({q}) 之后剩下 {d} 个；沿{axis3}，按步长膨胀后的输入有 {e} 个格子，填充 ({r}) 之后剩下 {f} 个。",
    "Along the {axis} the stride-dilated input has {a} cells and pads ({p}) leave {b}.": "沿{axis}，按步长膨胀后的输入有 {a} 个格子，填充 ({p}) 之后剩下 {b} 个。",
    "Along the {axis} the stride-dilated input has {a} cells and pads ({p}) leave {b}; along the {axis2} the stride-dilated input has {c} cells and pads ({q}) leave {d}.":
        "沿{axis}，按步长膨胀后的输入有 {a} 个格子，填充 ({p}) 之后剩下 {b} 个；沿{axis2}，按步长膨胀后的输入有 {c} 个格子，填充 ({q}) 之后剩下 {d} 个。",
    "The input has {a} channels but the kernel's input-feature axis, as JAX reads it, has {b}.": "输入有 {a} 个通道，但按 JAX 的理解，卷积核的输入特征维是 {b}。",
    "output_padding {a} is not below max(stride, dilation) = {b}.": "output_padding {a} 不小于 max(stride, dilation) = {b}。",
    "height: ask for output size {n} instead of {r} (valid: {sizes})": "高度：把输出尺寸从 {r} 改为 {n}（有效：{sizes}）",
    "height: ask for a size from {a} to {b}": "高度：请求 {a} 到 {b} 之间的尺寸",
    "height: use stride {s}: the valid sizes become {sizes}": "高度：改用步长 {s}：有效尺寸变为 {sizes}",
    "height: input {i} → output {o}: {arith}": "高度：输入 {i} → 输出 {o}：{arith}",
    "width: ask for output size {n} instead of {r} (valid: {sizes})": "宽度：把输出尺寸从 {r} 改为 {n}（有效：{sizes}）",
    "width: ask for a size from {a} to {b}": "宽度：请求 {a} 到 {b} 之间的尺寸",
    "width: use stride {s}: the valid sizes become {sizes}": "宽度：改用步长 {s}：有效尺寸变为 {sizes}",
    "width: input {i} → output {o}: {arith}": "宽度：输入 {i} → 输出 {o}：{arith}",
    "depth: ask for output size {n} instead of {r} (valid: {sizes})": "深度：把输出尺寸从 {r} 改为 {n}（有效：{sizes}）",
    "depth: ask for a size from {a} to {b}": "深度：请求 {a} 到 {b} 之间的尺寸",
    "depth: use stride {s}: the valid sizes become {sizes}": "深度：改用步长 {s}：有效尺寸变为 {sizes}",
    "depth: input {i} → output {o}: {arith}": "深度：输入 {i} → 输出 {o}：{arith}",
    "length: ask for output size {n} instead of {r} (valid: {sizes})": "长度：把输出尺寸从 {r} 改为 {n}（有效：{sizes}）",
    "length: ask for a size from {a} to {b}": "长度：请求 {a} 到 {b} 之间的尺寸",
    "length: use stride {s}: the valid sizes become {sizes}": "长度：改用步长 {s}：有效尺寸变为 {sizes}",
    "length: input {i} → output {o}: {arith}": "长度：输入 {i} → 输出 {o}：{arith}",
    "One (lo, hi) pair per spatial axis is needed: {a} for a {b}-D conv.": "每个空间轴需要一对 (lo, hi)：{b} 维卷积需要 {a} 对。",
    "output_padding={a} or {b}": "output_padding={a} 或 {b}",
    "Keras asks the TF backend for {axis} {n}, but TF accepts only {sizes} for an input of {i}:": "Keras 向 TF 后端请求{axis} {n}，但输入为 {i} 时 TF 只接受 {sizes}：",
    "(With 'same', an even kernel and output_padding=0 Keras asks for (i−1)·s, one below TF's range.)": "（在 'same'、偶数卷积核和 output_padding=0 时，Keras 请求的是 (i−1)·s，正好比 TF 的范围少一个。）",
    "{title} refused to concatenate two tensors whose {axis}s differ: {a} and {b}.": "{title} 拒绝拼接两个{axis}不同的张量：{a} 和 {b}。",
    "{title} refused to concatenate two tensors whose heights or widths differ: {a} and {b}.": "{title} 拒绝拼接两个高度或宽度不同的张量：{a} 和 {b}。",
    "if you use {padding}: ask for output size {n} instead of {r} (valid: {sizes})": "如果你用的是 {padding}：把输出尺寸从 {r} 改为 {n}（有效：{sizes}）",
    "works: output {o}": "可以运行：输出 {o}",
    "works: output {o} (JAX checks no size)": "可以运行：输出 {o}（JAX 不检查尺寸）",
    "(height:": "（高度：", "(width:": "（宽度：", "(depth:": "（深度：", "(length:": "（长度：",
    "output_padding must be smaller than either stride ({s}) or dilation ({d}); {n} is not. It only picks one of the sizes {sizes}.":
        "output_padding 必须小于步长（{s}）或膨胀率（{d}）之一；{n} 不满足。它只是在尺寸 {sizes} 中选一个。",
}

HOME = {
    # --- home page (ui/home_page.py, lab/walkthrough.py, lab/draw/home.py) ----------------------
    "Your `conv2d_transpose` just failed with `actual = 25, computed = 33`? Five ideas explain every such error. Each comes with a picture and a live example on real numbers.":
        "你的 `conv2d_transpose` 刚刚报错 `actual = 25, computed = 33`？五个要点就能解释所有这类错误。每个要点都配有一张图和一个基于真实数字的实时示例。",
    "Open the seed's failure in the shape explorer: 97 → conv k3 s4 SAME → 25 → conv_transpose s3 SAME → 97?":
        "在形状探索器中打开这个出错的例子：97 → 卷积 k3 s4 SAME → 25 → 转置卷积 s3 SAME → 97？",
    "1 · A transposed conv is the reverse of a forward conv": "1 · 转置卷积是前向卷积的反向",
    "Picture the forward convolution it reverses, on one line of cells: a kernel of 3 with stride 2 and SAME padding maps 5 cells to 3 — the matrix C, 3 × 5. `conv2d_transpose` with the **same kernel** maps 3 cells back to 5 — the matrix Cᵀ, 5 × 3. Output y[j] reads the lit cells of x; the transpose writes its cell j into exactly those cells, with the same weights: row j of C is column j of Cᵀ. The shape comes back, the numbers do not (it is the transpose, not the inverse).":
        "先想象它所反转的那个前向卷积，用一行格子来看：大小为 3 的卷积核、步长 2、SAME 填充，把 5 个格子变成 3 个——这就是矩阵 C（3 × 5）。用**同一个卷积核**的 `conv2d_transpose` 把 3 个格子变回 5 个——矩阵 Cᵀ（5 × 3）。输出 y[j] 读取 x 中高亮的格子；转置卷积把它的第 j 个格子写回的正是这些格子，权重也相同：C 的第 j 行就是 Cᵀ 的第 j 列。形状回来了，数值却没有（它是转置，不是逆）。",
    "Light the cell j": "高亮第 j 个格子",
    "y[{j}] = {terms}: it reads {cells}.": "y[{j}] = {terms}：它读取 {cells}。",
    "In 2-D the filter is `[height, width, out_channels, in_channels]`: a forward conv 10 → 20 channels has filter `[3, 3, 10, 20]`, and the transpose that goes 20 → 10 uses that very array.":
        "在二维情形下，转置卷积的卷积核是 `[height, width, out_channels, in_channels]`：从 10 个通道到 20 个通道的前向卷积，其卷积核为 `[3, 3, 10, 20]`；而从 20 回到 10 个通道的转置卷积用的正是这个数组。",
    "See it step by step: scatter, direct conv, matrix view": "逐步查看：散射、直接卷积、矩阵视角",
    "2 · Several output shapes are valid for one input": "2 · 同一个输入可以对应多个合法的输出形状",
    "Input `[1,3,3,1]`, filter `[2,2,3,1]`, strides 2, SAME. A forward SAME conv with stride 2 maps both 5 and 6 to 3, so both `output_shape=[1,5,5,3]` and `[1,6,6,3]` work: **the framework cannot infer the output shape; you choose it.**":
        "输入 `[1,3,3,1]`，卷积核 `[2,2,3,1]`，步长 2，SAME。步长为 2 的 SAME 前向卷积把 5 和 6 都变成 3，所以 `output_shape=[1,5,5,3]` 和 `[1,6,6,3]` 都可以：**框架无法推断输出形状，只能由你来指定。**",
    "refused": "被拒绝",
    "output shape {shape}": "输出形状 {shape}",
    "Valid output sizes for input 3: {sizes}": "输入尺寸为 3 时合法的输出尺寸：{sizes}",
    "Explore every size on a number line": "在数轴上查看每一个尺寸",
    "3 · TF checks that output_shape maps back onto the input": "3 · TF 会检查 output_shape 能否映射回输入",
    "[3,97,97,10] → conv k3 s4 SAME → {shape} because {arithmetic}. Going back with conv2d_transpose, stride 3 and output_shape 97 fails: {back}, not 25.":
        "[3,97,97,10] → 卷积 k3 s4 SAME → {shape}，因为 {arithmetic}。用 conv2d_transpose、步长 3、output_shape 97 往回走就会失败：{back}，而不是 25。",
    "**TensorFlow 2.21 prints:**": "**TensorFlow 2.21 打印：**",
    "Read it from the gradient's side: actual = your input (25), input: = your output_shape (97), computed = a forward conv over 97 (33). Valid sizes for 25 with stride 3: {valid}. With stride 4 it works: {fixed}.":
        "从梯度的角度读它：actual = 你的输入（25），input: = 你的 output_shape（97），computed = 对 97 做一次前向卷积的结果（33）。步长为 3 时，25 对应的合法尺寸：{valid}。改用步长 4 就可以：{fixed}。",
    "Decode your own message": "解读你自己的报错",
    "4 · Why it is checked: the gradient": "4 · 为什么要检查：梯度",
    "The gradient of `conv2d_transpose` with respect to its input is a forward conv with the same filter, strides and padding — and the transpose is the gradient of the forward conv. The proof is one identity, ⟨C x, g⟩ = ⟨x, Cᵀ g⟩, where **⟨a, b⟩ is the inner (dot) product**: multiply two arrays of the same shape cell by cell and add up all the products — one number. On the line of idea 1:":
        "`conv2d_transpose` 对其输入的梯度，是一次使用相同卷积核、步长和填充的前向卷积——而转置卷积正是前向卷积的梯度。证明只需一个恒等式 ⟨C x, g⟩ = ⟨x, Cᵀ g⟩，其中 **⟨a, b⟩ 是内积（点积）**：把两个形状相同的数组逐格相乘，再把所有乘积加起来——得到一个数。在要点 1 的那一行格子上：",
    "The same identity in 2-D, on seeded numbers:": "二维情形下的同一个恒等式，用带种子的数字验证：",
    "In the seed, that forward conv turns the 97×97 gradient into {arithmetic} × 33, which cannot be the gradient of a 25×25 tensor: so the shapes must agree, and the error names the two numbers.":
        "在这个例子里，这次前向卷积把 97×97 的梯度变成 {arithmetic} × 33，它不可能是一个 25×25 张量的梯度：所以形状必须一致，而报错信息给出的正是这两个数。",
    "The gradient page: both directions on the same numbers": "梯度页面：在同一组数字上看两个方向",
    "5 · Controlling output_shape flexibly": "5 · 灵活地控制 output_shape",
    "output_shape is a tensor (tf.shape(x) / a placeholder), not a Python list":
        "output_shape 是一个张量（tf.shape(x) / placeholder），而不是 Python 列表",
    "TF 1.x, {stage}:": "TF 1.x，{stage}：",
    "In a real network the size to go back to is the skip connection's: every skip size below goes down to the same 25, so 25 alone cannot say which size to go back to — take it from the skip tensor.":
        "在真实网络中，要回到的尺寸就是跳跃连接的尺寸：下面每一种跳跃连接尺寸都会下采样到同一个 25，所以仅凭 25 无法知道该回到哪个尺寸——要从跳跃连接的张量中取得。",
    "Size of the skip tensor": "跳跃连接张量的尺寸",
    "Each recipe runs as it stands in its framework and prints the shapes in its comments:":
        "每段代码都可以在对应框架中直接运行，并打印出注释里写的形状：",
    "TensorFlow: a dynamic batch, tf.shape(x)[0]": "TensorFlow：动态批大小，tf.shape(x)[0]",
    "TensorFlow: output_shape=tf.shape(skip)": "TensorFlow：output_shape 取 tf.shape(skip)",
    "Keras: output_padding": "Keras：设定 output_padding",
    "PyTorch: output_size=skip.shape[-2:]": "PyTorch：output_size 取 skip.shape[-2:]",
    "Try static vs dynamic in the shape explorer": "在形状探索器中比较静态与动态形状",
    "Chain conv / conv_transpose layers (97 → 25 → ?)": "把卷积 / 转置卷积层串起来（97 → 25 → ?）",
    "Why kernel sizes that are not a multiple of the stride leave a grid": "为什么卷积核大小不是步长的整数倍时会留下网格",
    "The forward conv's output y[{j}] reads which cells of x? (The transpose will write its input cell {j} into the same ones.)":
        "前向卷积的输出 y[{j}] 读取 x 的哪些格子？（转置卷积会把它输入的第 {j} 个格子写回同样的这些格子。）",
    "Row j of C and column j of Cᵀ are the same numbers: C's nonzero entries in that row are exactly the cells lit in both pictures.":
        "C 的第 j 行和 Cᵀ 的第 j 列是同一组数：C 在这一行中的非零元素，正是两幅图中高亮的格子。",
    "The seed asks conv2d_transpose (stride 3, SAME) for output size 97. What does a forward conv over 97 give?":
        "这个例子要求 conv2d_transpose（步长 3，SAME）输出尺寸 97。对 97 做一次前向卷积会得到多少？",
    "SAME with stride 3 gives ceil(97 / 3) = 33 — and the input is 25, so TF refuses: actual = 25, computed = 33.":
        "步长 3 的 SAME 给出 ceil(97 / 3) = 33——而输入是 25，所以 TF 拒绝：actual = 25, computed = 33。",
    # figures (lab/draw/home.py)
    "forward conv: y = C x": "前向卷积：y = C x",
    "transpose: Cᵀ y": "转置卷积：Cᵀ y",
    "C: row {j} = what y[{j}] reads": "C：第 {j} 行 = y[{j}] 读取的格子",
    "Cᵀ: column {j}": "Cᵀ：第 {j} 列",
    "output size n → forward conv (k 2, stride 2, SAME) → ?": "输出尺寸 n → 前向卷积（k 2，步长 2，SAME）→ ?",
    "x: 97 × 97": "x：97 × 97",
    "conv k3, stride 4, SAME": "卷积 k3，步长 4，SAME",
    "back with stride 3: a forward conv over 97 gives": "用步长 3 往回走：对 97 做前向卷积得到",
    "back with stride 4: a forward conv over 97 gives": "用步长 4 往回走：对 97 做前向卷积得到",
    "⟨a, b⟩ = a[0]·b[0] + a[1]·b[1] + …: multiply cell by cell, then add up":
        "⟨a, b⟩ = a[0]·b[0] + a[1]·b[1] + …：逐格相乘，再全部相加",
    "skip": "跳跃连接",
    "conv k3, stride 4": "卷积 k3，步长 4",
    "back up: the size comes from the skip tensor": "上采样回去：尺寸取自跳跃连接的张量",
    "PyTorch's default": "PyTorch 的默认结果",
    "Keras' default (no output_padding)": "Keras 的默认结果（不设 output_padding）",
    # --- gradient page (pages/5_Gradient.py, lab/gradient.py, lab/draw/gradient.py) -------------
    "**Load a configuration**": "**载入一个配置**",
    "Nudging every input cell…": "正在逐个微调输入格子……",
    "Small: 3 → 6, stride 2": "小例子：3 → 6，步长 2",
    "The seed: 25 → 97, stride 3 (refused)": "原始例子：25 → 97，步长 3（被拒绝）",
    "The seed, fixed: 25 → 75": "原始例子（已修正）：25 → 75",
    "Controls": "控件",
    "Input x: height = width": "输入 x：高 = 宽",
    "the size of x, the tensor you pass to conv2d_transpose (at most {n})": "x 的尺寸，即传给 conv2d_transpose 的张量（最大 {n}）",
    "Requested output size (output_shape)": "要求的输出尺寸（output_shape）",
    "at most {n}": "最多 {n}",
    "Kernel": "卷积核",
    "Stride": "步长",
    "Padding": "填充",
    "Channels of x": "x 的通道数",
    "Output channels": "输出通道数",
    "Random seed": "随机种子",
    "Caps: input ≤ {i}, output ≤ {o}, kernel ≤ {k}, stride ≤ {s}, channels ≤ {c} — the gradient is computed by nudging cells one by one, which grows with the square of the sizes.":
        "上限：输入 ≤ {i}，输出 ≤ {o}，卷积核 ≤ {k}，步长 ≤ {s}，通道 ≤ {c}——梯度是逐个格子微调来计算的，计算量随尺寸的平方增长。",
    "**The call:** `conv2d_transpose(x, w, output_shape=[1, {n}, {n}, {cout}], strides={s}, padding='{pad}')` with x of shape `[1, {i}, {i}, {cin}]` and filter w of shape `[{k}, {k}, {cout}, {cin}]`.":
        "**这次调用：**`conv2d_transpose(x, w, output_shape=[1, {n}, {n}, {cout}], strides={s}, padding='{pad}')`，其中 x 的形状为 `[1, {i}, {i}, {cin}]`，卷积核 w 的形状为 `[{k}, {k}, {cout}, {cin}]`。",
    "x is {i} × {i} and output_shape asks for {n} × {n} (kernel {k}, stride {s}, {pad}). How many rows will the gradient with respect to x have?":
        "x 是 {i} × {i}，output_shape 要求 {n} × {n}（卷积核 {k}，步长 {s}，{pad}）。对 x 的梯度会有多少行？",
    "It is a forward conv of the upstream gradient, whose size is output_shape — not x's size. TF compares the two and refuses when they differ.":
        "它是对上游梯度做的一次前向卷积，而上游梯度的尺寸是 output_shape——不是 x 的尺寸。TF 比较这两者，不一致就拒绝。",
    "The gradient with respect to x is a forward conv of the {n} × {n} upstream gradient: {arithmetic}, so {c} × {c}.":
        "对 x 的梯度是对 {n} × {n} 上游梯度做的一次前向卷积：{arithmetic}，所以是 {c} × {c}。",
    "TF accepts this call: a forward {pad} conv over the requested {n} gives {arithmetic} = the input's {i}. So the gradient with respect to x — a forward conv of the {n} × {n} upstream gradient — is {c} × {c}, exactly x's shape.":
        "TF 接受这次调用：对要求的 {n} 做一次 {pad} 前向卷积得到 {arithmetic} = 输入的 {i}。所以对 x 的梯度——对 {n} × {n} 上游梯度的一次前向卷积——是 {c} × {c}，恰好是 x 的形状。",
    "TF refuses this call. The gradient with respect to x would be a forward conv of the {n} × {n} upstream gradient: {arithmetic}, so {c} × {c} — but x is {i} × {i}. A gradient must have the shape of what it is the gradient of, and TF says exactly that:":
        "TF 拒绝这次调用。对 x 的梯度将是对 {n} × {n} 上游梯度的一次前向卷积：{arithmetic}，即 {c} × {c}——但 x 是 {i} × {i}。梯度的形状必须与被求导的张量相同，TF 说的正是这一点：",
    "TF 1.x said it while building the training step (the gradient's shape cannot be set on x):":
        "TF 1.x 在构建训练步骤时就会报出（梯度的形状无法设置到 x 上）：",
    "**Why, in plain words:**": "**用大白话说原因：**",
    "**Fixes:**": "**修复方法：**",
    "Open this call in the shape explorer": "在形状探索器中打开这次调用",
    "**The seed's failure, by the same rule:** x is 25 × 25 and output_shape asks for 97 × 97 with stride 3. The gradient with respect to x would be a forward conv of a 97 × 97 upstream gradient: {arithmetic}, a {c} × {c} map where x is 25 × 25 — which is exactly TF's `actual = 25, computed = {c}`. Load it with the button “The seed” above.":
        "**按同一规则看原始例子的错误：**x 是 25 × 25，output_shape 要求步长 3 下的 97 × 97。对 x 的梯度将是对 97 × 97 上游梯度的一次前向卷积：{arithmetic}，得到 {c} × {c} 的图，而 x 是 25 × 25——这正是 TF 的 `actual = 25, computed = {c}`。用上方的“原始例子”按钮载入它。",
    "(a) The gradient of conv_transpose with respect to its input": "(a) 转置卷积对其输入的梯度",
    "Take the loss **L = ⟨conv_transpose(x), g⟩**, with g a seeded {n} × {n} upstream gradient. Left: the gradient *by definition* — nudge each cell of x by 1 and write down how much L changes (L is linear in x, so that change is the exact slope). Right: **one forward conv of g with the same filter, stride {s} and {pad} padding**.":
        "取损失 **L = ⟨conv_transpose(x), g⟩**，其中 g 是带种子的 {n} × {n} 上游梯度。左图：*按定义*求梯度——把 x 的每个格子加 1，记下 L 变化了多少（L 对 x 是线性的，所以这个变化就是精确的斜率）。右图：**用同一卷积核、步长 {s}、{pad} 填充对 g 做一次前向卷积**。",
    "by nudging x: {i} × {i}": "微调 x 得到：{i} × {i}",
    "forward conv of g: {c} × {c}": "g 的前向卷积：{c} × {c}",
    "gradient by nudging x": "微调 x 得到的梯度",
    "forward conv of g": "g 的前向卷积",
    "equal?": "相等吗？",
    "shapes differ": "形状不同",
    "Both sides: **{verdict}**.": "两边：**{verdict}**。",
    "not comparable": "无法比较",
    "max difference {diff}": "最大差值 {diff}",
    "max difference {diff} (an evenly spread sample of {nudged} of the {total} cells was nudged; the others are grey in both pictures)":
        "最大差值 {diff}（只均匀抽样微调了 {total} 个格子中的 {nudged} 个；其余格子在两幅图中都显示为灰色）",
    "The true gradient (left) is the top-left {i} × {i} corner of the {c} × {c} forward conv (**{verdict}** on that corner). Its other {extra} rows and columns (hatched) belong to no cell of x: TF refuses rather than silently cropping them.":
        "真正的梯度（左）是 {c} × {c} 前向卷积左上角的 {i} × {i} 部分（在这一角上 **{verdict}**）。其余 {extra} 行和列（斜线部分）不属于 x 的任何格子：TF 选择拒绝，而不是悄悄把它们裁掉。",
    "The forward conv gives {c} × {c}; the gradient needs {i} × {i}.": "前向卷积得到 {c} × {c}；梯度需要 {i} × {i}。",
    "(b) The converse: a conv's input gradient is a conv_transpose": "(b) 反过来：卷积对输入的梯度是一次转置卷积",
    "A forward conv C with the same filter maps {n} × {n} to {c} × {c}. The gradient of ⟨C(u), h⟩ with respect to its input u, by nudging, equals **conv_transpose(h)** back to {n} × {n} — the very operation this app is about.":
        "用同一卷积核的前向卷积 C 把 {n} × {n} 变为 {c} × {c}。通过微调求得的 ⟨C(u), h⟩ 对输入 u 的梯度，等于回到 {n} × {n} 的 **conv_transpose(h)**——正是本应用讲的这个运算。",
    "by nudging u: {n} × {n}": "微调 u 得到：{n} × {n}",
    "conv_transpose of h: {n} × {n}": "h 的转置卷积：{n} × {n}",
    "A forward conv over {n} gives {arithmetic}: no output, so nothing to differentiate.":
        "对 {n} 做前向卷积得到 {arithmetic}：没有输出，所以没有可求导的东西。",
    "The adjoint identity ⟨C u, h⟩ = ⟨u, Cᵀ h⟩": "伴随恒等式 ⟨C u, h⟩ = ⟨u, Cᵀ h⟩",
    "C is the forward conv, Cᵀ the transposed conv with the same filter, strides and padding; u and h are the seeded arrays of (b). ⟨a, b⟩ multiplies two arrays of the same shape cell by cell and adds up the products. Two different computations, one number:":
        "C 是前向卷积，Cᵀ 是使用相同卷积核、步长和填充的转置卷积；u 和 h 是 (b) 中带种子的数组。⟨a, b⟩ 把两个形状相同的数组逐格相乘，再把乘积相加。两种不同的计算，同一个数：",
    "⟨C u, h⟩ (forward conv, then dot)": "⟨C u, h⟩（先前向卷积，再点积）",
    "⟨u, Cᵀ h⟩ (transposed conv, then dot)": "⟨u, Cᵀ h⟩（先转置卷积，再点积）",
    "Difference: **{diff}** (the values are small integers, so the sums are exact). This identity is what \"transposed\" means, and it only makes sense when Cᵀ's output has the shape of C's input — the shape TF checks.":
        "差值：**{diff}**（数值都是小整数，所以求和是精确的）。这个恒等式正是“转置”的含义，而且只有当 Cᵀ 的输出形状等于 C 的输入形状时它才有意义——这正是 TF 检查的形状。",
    "Show me the code that computed this": "给我看计算这些的代码",
    "Show the seeded numbers (channel 1)": "显示带种子的数字（第 1 个通道）",
    "x (the transpose's input):": "x（转置卷积的输入）：",
    "filter w[:, :, 0, 0]:": "卷积核 w[:, :, 0, 0]：",
    "upstream gradient g:": "上游梯度 g：",
    "Too many to print (x is {i} × {i}, g is {n} × {n}); values are integers from −{r} to {r} drawn with seed {seed}.":
        "太多了，不便打印（x 是 {i} × {i}，g 是 {n} × {n}）；数值是用种子 {seed} 生成的 −{r} 到 {r} 之间的整数。",
}

LEARNING = {
    # --- misconceptions page and prediction prompts of pages 7, 8 --------------------------------
    # the misconceptions page (pages/9, ui/traps_page, lab/traps)
    "🪤 Misconceptions": "🪤 常见误区",
    "Six things people believe about transposed convolution, each from real questions. Predict first, then see the counter-example computed by convt on your numbers. The link holds every control.":
        "关于转置卷积，人们常信以为真的六件事，每一条都来自真实的提问。先预测，再看 convt 用你的数字实时算出的反例。链接保存了每个控件的状态。",
    "Input size": "输入尺寸",
    "Kernel size": "卷积核大小",
    "Stride": "步长",
    "output_padding": "output_padding（输出填充）",
    "The framework refuses this configuration. Its own message:": "框架拒绝了这一配置。它自己的报错：",
    "A transposed convolution inverts the convolution.": "转置卷积是卷积的逆运算。",
    "It brings the shape back, not the numbers.": "它还原的是形状，不是数值。",
    "The transposed convolution, three ways": "转置卷积的三种看法",
    "padding= pads the transposed conv's input.": "padding= 是在转置卷积的输入周围补零。",
    "In PyTorch it crops the output.": "在 PyTorch 中，它裁掉的是输出的边。",
    "Every PyTorch size on the number line": "在数轴上查看 PyTorch 的每个尺寸",
    "output_padding adds zeros at the end.": "output_padding 在末尾补零。",
    "It picks one of the sizes the forward conv would map back.": "它是在前向卷积会映射回同一尺寸的几个尺寸中选一个。",
    "The valid sizes in the shape explorer": "在形状探索器中查看合法尺寸",
    "Every framework flips the kernel.": "每个框架都会翻转卷积核。",
    "JAX does not, unless transpose_kernel=True.": "JAX 不翻转，除非 transpose_kernel=True。",
    "The same layer in five frameworks": "同一层在五个框架中的写法",
    "A transposed conv is the gradient with respect to the output.": "转置卷积是对输出的梯度。",
    "It is the gradient with respect to the conv's input.": "它是对卷积输入的梯度。",
    "Both directions of the gradient, on the same numbers": "同一组数字上的两个方向的梯度",
    "Conv then transposed conv always gives the input shape back.": "先卷积再转置卷积，总能得回输入的形状。",
    "Only when (in + 2p − k) is a multiple of the stride.": "只有当 (in + 2p − k) 是步长的整数倍时才成立。",
    "Chains of layers in the encoder–decoder page": "在编码器–解码器页面搭建层链",
    "the default call": "默认调用",
    "only with transpose_kernel=True": "只有 transpose_kernel=True 时",
    "both": "两者都是",
    "neither": "都不是",
    "the conv's input x": "卷积的输入 x",
    "the conv's output": "卷积的输出",
    "the kernel W": "卷积核 W",
    "Conv2d(kernel_size={k}, stride={s}) takes this {n}×{n} input to {m}×{m}; conv_transpose2d with the same kernel and output_size={n} takes that back to {back}×{back}. Are the numbers the input's again?":
        "Conv2d(kernel_size={k}, stride={s}) 把这个 {n}×{n} 的输入变成 {m}×{m}；用同一个卷积核、output_size={n} 的 conv_transpose2d 再把它变回 {back}×{back}。数值会变回原来的输入吗？",
    "Only the shape comes back: conv_transpose is the conv's transpose (its adjoint), not its inverse. Largest difference from the input here: {d}.":
        "还原的只有形状：conv_transpose 是卷积的转置（伴随），不是它的逆。这里与输入的最大差值：{d}。",
    "{n2} numbers went in and the conv kept {m2}: no layer can undo a map that loses information; a decoder learns an approximation.":
        "输入 {n2} 个数，卷积只留下 {m2} 个：丢失信息的映射没有任何层能撤销；解码器学到的只是近似。",
    "input x ({n}×{n})": "输入 x（{n}×{n}）",
    "conv2d(x, W) ({m}×{m})": "conv2d(x, W)（{m}×{m}）",
    "conv_transpose2d(conv2d(x, W), W) ({n}×{n})": "conv_transpose2d(conv2d(x, W), W)（{n}×{n}）",
    "PyTorch: ConvTranspose2d(kernel_size={k}, stride={s}, padding={p}) on a {i}×{i} input. What output size (height = width)?":
        "PyTorch：对 {i}×{i} 的输入做 ConvTranspose2d(kernel_size={k}, stride={s}, padding={p})。输出尺寸是多少（高 = 宽）？",
    "padding={p} does not pad the input: it crops {p} cell(s) from each side of the full transposed output ({big} − 2·{p} = {n}).":
        "padding={p} 并不填充输入：它从完整转置输出的每一边裁掉 {p} 格（{big} − 2·{p} = {n}）。",
    "The output equals the full {big}×{big} output with the border cut off: largest difference {d}.":
        "输出等于完整的 {big}×{big} 输出去掉边框：最大差值 {d}。",
    "Padding the input by {p} instead would give {wrong}×{wrong}.": "如果真的给输入填充 {p} 格，得到的会是 {wrong}×{wrong}。",
    "full output, padding=0 ({big}×{big})": "完整输出，padding=0（{big}×{big}）",
    "padding={p} ({n}×{n})": "padding={p} 时（{n}×{n}）",
    "Conv2d(kernel_size={k}, stride={s}, padding={p}) maps which of these sizes to {i}? (ConvTranspose2d with the same arguments must pick one of them.)":
        "Conv2d(kernel_size={k}, stride={s}, padding={p}) 会把下面哪些尺寸映射成 {i}？（参数相同的 ConvTranspose2d 必须从中选一个。）",
    "output_padding does not add zeros: it picks which of the sizes {sizes} you want back. output_padding={op} gives {n}.":
        "output_padding 不是补零：它从尺寸 {sizes} 中选出你想要的那个。output_padding={op} 得到 {n}。",
    "Its last row holds {nz} nonzero values out of {n}: it is row {r} of the full {big}×{big} output (largest difference {d}), which padding={p} would have cropped.":
        "它的最后一行 {n} 个值中有 {nz} 个非零：这正是完整 {big}×{big} 输出的第 {r} 行（最大差值 {d}），本来会被 padding={p} 裁掉。",
    "Here its last row lies past the full {big}×{big} output, so it is zeros — the one case where the claim holds.":
        "这里它的最后一行落在完整 {big}×{big} 输出之外，所以是零——这是该说法唯一成立的情形。",
    "output_padding=0 ({n}×{n})": "output_padding=0 时（{n}×{n}）",
    "output_padding={op} ({n}×{n})": "output_padding={op} 时（{n}×{n}）",
    "The same {k}×{k} kernel W goes to torch conv_transpose2d(x, W, stride={s}) and to jax.lax.conv_transpose(x, W, strides=({s}, {s}), padding='VALID'). Which JAX call gives PyTorch's numbers?":
        "同一个 {k}×{k} 卷积核 W 分别交给 torch 的 conv_transpose2d(x, W, stride={s}) 和 jax.lax.conv_transpose(x, W, strides=({s}, {s}), padding='VALID')。哪种 JAX 调用得到与 PyTorch 相同的数值？",
    "PyTorch and TensorFlow compute the conv's gradient, which flips the kernel; JAX runs a direct conv over the stride-dilated input and flips only with transpose_kernel=True.":
        "PyTorch 和 TensorFlow 计算的是卷积的梯度，因此会翻转卷积核；JAX 在按步长插零后的输入上直接做卷积，只有 transpose_kernel=True 时才翻转。",
    "JAX's default vs PyTorch: largest difference {a}. With transpose_kernel=True: {b}. JAX's default vs PyTorch given W[::-1, ::-1]: {c}.":
        "JAX 默认调用与 PyTorch 的最大差值：{a}。transpose_kernel=True 时：{b}。JAX 默认调用与使用 W[::-1, ::-1] 的 PyTorch 相比：{c}。",
    "kernel W ({k}×{k})": "卷积核 W（{k}×{k}）",
    "PyTorch conv_transpose2d": "PyTorch 的 conv_transpose2d",
    "jax.lax.conv_transpose, default": "jax.lax.conv_transpose，默认参数",
    "Conv2d(kernel_size={k}, stride={s}) maps a {n}×{n} input x to {m}×{m}; g is the loss's gradient with respect to that output. conv_transpose2d(g, W, stride={s}, output_size={n}) is the loss's gradient with respect to what?":
        "Conv2d(kernel_size={k}, stride={s}) 把 {n}×{n} 的输入 x 映射为 {m}×{m}；g 是损失对这个输出的梯度。conv_transpose2d(g, W, stride={s}, output_size={n}) 是损失对什么的梯度？",
    "Nudging each of x's {n2} cells by 1 and measuring the loss gives conv_transpose2d(g, W) to within {d}: it is the gradient with respect to the conv's input (TensorFlow names it conv2d_backprop_input).":
        "把 x 的 {n2} 个格子逐一加 1 并测量损失的变化，得到的正是 conv_transpose2d(g, W)（误差 {d}）：它是对卷积输入的梯度（TensorFlow 把它叫作 conv2d_backprop_input）。",
    "The gradient with respect to the output is g itself ({m}×{m}); with respect to the kernel it is {k}×{k}, a correlation of x with g.":
        "对输出的梯度就是 g 本身（{m}×{m}）；对卷积核的梯度是 {k}×{k}，即 x 与 g 的互相关。",
    "upstream g ({m}×{m})": "上游梯度 g（{m}×{m}）",
    "conv_transpose2d(g, W) ({n}×{n})": "conv_transpose2d(g, W)（{n}×{n}）",
    "gradient with respect to x, by nudging": "对 x 的梯度（逐格扰动求得）",
    "Conv2d(kernel_size={k}, stride={s}, padding={p}) on a {n}×{n} input, then ConvTranspose2d(kernel_size={k}, stride={s}, padding={p}). What size comes back?":
        "对 {n}×{n} 的输入先做 Conv2d(kernel_size={k}, stride={s}, padding={p})，再做 ConvTranspose2d(kernel_size={k}, stride={s}, padding={p})。回来的尺寸是多少？",
    "{n} → {m} → {b}. The conv floors: (n + 2p − k) mod s = ({n} + {pp} − {k}) mod {s} = {r}.":
        "{n} → {m} → {b}。卷积向下取整：(n + 2p − k) mod s = ({n} + {pp} − {k}) mod {s} = {r}。",
    "The conv dropped {r} cell(s) that no transposed conv can know about; output_padding={r} gives {fixed}.":
        "卷积丢掉了 {r} 格，转置卷积无从得知；output_padding={r} 得到 {fixed}。",
    "The remainder is 0, so this size comes back; sizes with a remainder do not (try {other}).":
        "余数为 0，所以这个尺寸能回来；有余数的尺寸则不能（试试 {other}）。",
}

SUBPIXEL = {
    # --- sub-pixel (polyphase) view, checkerboard page -----------------------------------------
    # checkerboard page: controls and examples
    "Try": "试一试",
    "Kernel 3, stride 2 (uneven)": "卷积核 3，步长 2（不均匀）",
    "Kernel 4, stride 2 (even)": "卷积核 4，步长 2（均匀）",
    "Kernel 5, stride 3 (uneven)": "卷积核 5，步长 3（不均匀）",
    "Kernel 2, stride 3 (holes)": "卷积核 2，步长 3（有空洞）",
    "Kernel size": "卷积核大小",
    "Stride": "步长",
    "Input cells (heat map)": "输入格数（热力图）",
    "Padding": "填充",
    "at most {n}": "最多 {n}",
    "at most {n} per side": "每边最多 {n}",
    "SAME: output = input × stride; VALID: the full (input − 1) × stride + kernel":
        "SAME：输出 = 输入 × 步长；VALID：完整的 (输入 − 1) × 步长 + 卷积核",
    "ICNR initialisation": "ICNR 初始化",
    "Aitken et al. 2017: start every phase of the kernel with the same small kernel, so that every output cell receives the same total weight at initialisation.":
        "Aitken 等，2017：让卷积核的每个相位都从同一个小卷积核开始，这样初始化时每个输出格子得到的总权重都相同。",
    "Sub-pixel view: kernel {k}, stride {s}": "亚像素视图：卷积核 {k}，步长 {s}",
    "Its {n} phases and their taps, on the Transposed convolution page (the section “Sub-pixel view”, near the end).":
        "它的 {n} 个相位及各自的卷积核元素，在“转置卷积”页面（靠近末尾的“亚像素视图”一节）。",
    "Its {n} phases and their taps, on the Transposed convolution page (the section “Sub-pixel view”, near the end; it draws kernels up to {mk} and strides up to {ms}).":
        "它的 {n} 个相位及各自的卷积核元素，在“转置卷积”页面（靠近末尾的“亚像素视图”一节；那里的卷积核最大为 {mk}，步长最大为 {ms}）。",
    "Rule of thumb:": "经验法则：",
    "{first} or {last}": "{first} 或 {last}",
    "Stride 1: every interior output cell receives {k}×{k} = {n} contributions — even overlap, no checkerboard from the stride.":
        "步长 1：每个内部输出格子都得到 {k}×{k} = {n} 份贡献——重叠均匀，步长不会造成棋盘格。",
    "Kernel {k} is a multiple of stride {s} ({k} = {q} × {s}): every interior output cell receives {n} contributions — even overlap. (A trained kernel can still learn artifacts; resize-then-conv avoids them by construction.)":
        "卷积核 {k} 是步长 {s} 的整数倍（{k} = {q} × {s}）：每个内部输出格子都得到 {n} 份贡献——重叠均匀。（训练后的卷积核仍可能学出伪影；先缩放再卷积从结构上避免了它们。）",
    "Kernel {k} is smaller than stride {s}: the stamps do not even touch, so some output cells receive no contribution at all (counts {levels}) — a grid of holes. Use kernel {fixes} (a multiple of {s}), or resize ×{s} then a stride-1 conv.":
        "卷积核 {k} 小于步长 {s}：印章之间甚至互不接触，所以有些输出格子完全得不到贡献（次数 {levels}）——一张布满空洞的网格。请改用卷积核 {fixes}（{s} 的整数倍），或先缩放 ×{s} 再做步长为 1 的卷积。",
    "Kernel {k} is not a multiple of stride {s} ({k} / {s} = {ratio}): along one axis interior cells receive {levels1} contributions, in 2-D {levels2} — the brightest get {times}× as much as the darkest ({hi}×{hi} vs {lo}×{lo}). Use kernel {fixes} (a multiple of {s}), or resize ×{s} (nearest neighbour) then a stride-1 conv.":
        "卷积核 {k} 不是步长 {s} 的整数倍（{k} / {s} = {ratio}）：沿一个轴，内部格子得到 {levels1} 份贡献，二维中为 {levels2}——最亮的是最暗的 {times} 倍（{hi}×{hi} 对 {lo}×{lo}）。请改用卷积核 {fixes}（{s} 的整数倍），或先缩放 ×{s}（最近邻）再做步长为 1 的卷积。",
    "ICNR on: each of the {phases} phases starts with the same {m}×{m} kernel (one small kernel upsampled ×{s} by nearest neighbour), so every interior output cell receives {n} contributions of the same weights — no checkerboard at initialisation.":
        "ICNR 已开启：{phases} 个相位都从同一个 {m}×{m} 卷积核开始（一个小卷积核经最近邻放大 ×{s}），所以每个内部输出格子都得到 {n} 份权重相同的贡献——初始化时没有棋盘格。",
    "ICNR on: each of the {phases} phases starts with the same {m}×{m} kernel (one small kernel upsampled ×{s} by nearest neighbour fills {used}×{used} of the {k}×{k} kernel; its other taps start at zero, so that no phase gets more than the poorest), so every interior output cell receives {n} contributions of the same weights — no checkerboard at initialisation.":
        "ICNR 已开启：{phases} 个相位都从同一个 {m}×{m} 卷积核开始（一个小卷积核经最近邻放大 ×{s}，填满 {k}×{k} 卷积核中的 {used}×{used}；其余元素初始为零，这样没有哪个相位比最少的那个多），所以每个内部输出格子都得到 {n} 份权重相同的贡献——初始化时没有棋盘格。",
    "ICNR cannot help here: with kernel {k} smaller than stride {s} some phases have no taps at all, so there is nothing to copy into them. Use a kernel of at least {s}.":
        "ICNR 在这里帮不上忙：卷积核 {k} 小于步长 {s}，有些相位根本没有卷积核元素，没有东西可以复制给它们。请使用至少为 {s} 的卷积核。",
    "In 2-D, how many stamps reach the most-covered interior output cell?":
        "在二维中，被覆盖最多的内部输出格子会被盖几次印章？",
    "Along one axis the {s} phases get {levels} taps; a cell in 2-D gets the product of its row's and its column's: at most {hi} × {hi} = {n}.":
        "沿一个轴，{s} 个相位分别得到 {levels} 个卷积核元素；二维中一个格子得到的是它所在行与所在列两者的乘积：最多 {hi} × {hi} = {n}。",
    # checkerboard page: heat map and photograph
    "How many stamps reach each output cell": "每个输出格子被盖了几次印章",
    "With ICNR the kernel's zero taps stamp nothing: the counts are of its nonzero taps.":
        "使用 ICNR 时，卷积核中为零的元素不盖印章：这里统计的是非零元素。",
    "interior counts (2-D)": "内部次数（二维）",
    "interior counts along one axis": "沿一个轴的内部次数",
    "no stamp at all in some cells": "有些格子完全没有印章",
    "brightest : darkest interior cell": "最亮 : 最暗的内部格子",
    "Output {rows} × {cols}; counts across the whole output (borders included) range from {lo} to {hi}. Each input cell stamps a {k} × {k} kernel every {s} cells; a cell's count is how many stamps cover it.":
        "输出 {rows} × {cols}；整个输出（含边界）的次数从 {lo} 到 {hi}。每个输入格子每隔 {s} 格盖一次 {k} × {k} 的卷积核印章；一个格子的次数就是覆盖它的印章数。",
    "On a real photograph": "在一张真实照片上",
    "Photo input size (pixels)": "照片输入尺寸（像素）",
    "the photograph is shrunk to this size, then upsampled ×stride": "照片先缩小到这个尺寸，再放大 ×步长",
    "Upsampling the photograph…": "正在放大照片…",
    "input {n} × {n} (pixels shown ×{s})": "输入 {n} × {n}（像素按 ×{s} 显示）",
    "transposed conv, kernel {k}, stride {s}": "转置卷积，卷积核 {k}，步长 {s}",
    "transposed conv, kernel {k}, stride {s}, ICNR": "转置卷积，卷积核 {k}，步长 {s}，ICNR",
    "resize ×{s}, then conv {k} × {k}": "缩放 ×{s}，再做 {k} × {k} 卷积",
    "zoom: {rows}×{cols} pixels": "放大：{rows}×{cols} 像素",
    "Grace Hopper, 1984 (U.S. Navy photograph, public domain), from matplotlib's sample data (matplotlib.cbook.get_sample_data('grace_hopper.jpg')).":
        "Grace Hopper，1984 年（美国海军照片，公有领域），取自 matplotlib 的示例数据（matplotlib.cbook.get_sample_data('grace_hopper.jpg')）。",
    "transposed conv: brightest / darkest of the {s}×{s} pixel phases": "转置卷积：{s}×{s} 个像素相位中最亮 / 最暗",
    "∞ (some pixels get nothing)": "∞（有些像素什么也得不到）",
    "resize-then-conv: brightest / darkest phase": "先缩放再卷积：最亮 / 最暗相位",
    "With ICNR the transposed conv's kernel is one uniform {m} × {m} kernel copied into all {n} phases ({used} × {used} of the {k} × {k} taps, weight 1/{m}² each; the rest zero): every output pixel gets the same total weight, so its phase ratio is near 1.00 too, like resize-then-conv. What it makes at initialisation is a nearest-neighbour ×{s} upsampling of a stride-1 conv: blocks of {s} × {s} equal pixels in the zoom, which training then refines.":
        "使用 ICNR 时，转置卷积的卷积核是同一个均匀的 {m} × {m} 卷积核复制到全部 {n} 个相位（{k} × {k} 个元素中的 {used} × {used} 个，每个权重 1/{m}²；其余为零）：每个输出像素得到的总权重相同，所以它的相位比也接近 1.00，和先缩放再卷积一样。初始化时它得到的是一次步长为 1 的卷积再做最近邻 ×{s} 放大：放大图里是一块块 {s} × {s} 的相同像素，之后再由训练细化。",
    "Both use a uniform {k} × {k} kernel whose weights average to a gain of 1 (transposed: {s}²/{k}² each; resize-then-conv: 1/{k}² each). The transposed conv multiplies every pixel by its overlap count — the grid above, tiled over the picture. Resize-then-conv (nearest-neighbour ×{s}, then a stride-1 conv) touches every output pixel with the same {k} × {k} window, so a phase ratio near 1.00 means no checkerboard.":
        "两者都使用均匀的 {k} × {k} 卷积核，权重平均增益为 1（转置卷积：每个 {s}²/{k}²；先缩放再卷积：每个 1/{k}²）。转置卷积把每个像素乘上它的重叠次数——也就是上面的网格，平铺在整张图上。先缩放再卷积（最近邻 ×{s}，再做步长为 1 的卷积）用同样的 {k} × {k} 窗口处理每个输出像素，所以相位比接近 1.00 就表示没有棋盘格。",
    "Show me the code that computed this": "给我看计算这些的代码",
    # sub-pixel view on the transposed-conv page (ui/subpixel_section, lab/subpixel, lab/draw/subpixel)
    "Sub-pixel view: s² small convolutions, interleaved": "亚像素视图：s² 个小卷积，交错拼合",
    "A stride-{s} transposed conv is {s} small stride-1 convolutions of the same input, one per *phase*: the output cells at position r of every block of {s} (r = 0 … {last}) are reached only by the kernel taps that line up with them. Each phase convolves the input — no zeros inserted — with its own sub-kernel; interleaving their outputs (a pixel shuffle) gives the transposed conv's output exactly.":
        "步长为 {s} 的转置卷积就是对同一输入做 {s} 个步长为 1 的小卷积，每个*相位*一个：每 {s} 个一组的输出格子中位置 r（r = 0 … {last}）的格子，只会被与它对齐的那些卷积核元素触及。每个相位用自己的子卷积核对输入做卷积——不插入零；把它们的输出交错拼合（像素重排，pixel shuffle），就精确得到转置卷积的输出。",
    "A stride-{s} transposed conv is {n} small stride-1 convolutions of the same input, one per *phase*: the output cells at row r, column c of every {s} × {s} block (r, c = 0 … {last}) are reached only by the kernel taps that line up with them. Each phase convolves the input — no zeros inserted — with its own sub-kernel; interleaving their outputs (a pixel shuffle) gives the transposed conv's output exactly. The {n} phases share the {k} × {k} kernel's {kk} taps.":
        "步长为 {s} 的转置卷积就是对同一输入做 {n} 个步长为 1 的小卷积，每个*相位*一个：每个 {s} × {s} 块中第 r 行、第 c 列（r, c = 0 … {last}）的输出格子，只会被与它对齐的那些卷积核元素触及。每个相位用自己的子卷积核对输入做卷积——不插入零；把它们的输出交错拼合（像素重排，pixel shuffle），就精确得到转置卷积的输出。{n} 个相位分摊 {k} × {k} 卷积核的 {kk} 个元素。",
    "How many kernel taps does phase {name} use?": "相位 {name} 用到几个卷积核元素？",
    "Phase {name} uses kernel taps {taps}: {n} of them.": "相位 {name} 用到卷积核元素 {taps}：共 {n} 个。",
    "Phase {name} uses kernel rows {rows} and columns {cols}: {a} × {b} = {n} taps.":
        "相位 {name} 用到卷积核的第 {rows} 行和第 {cols} 列：{a} × {b} = {n} 个元素。",
    "Every phase uses the same number of taps ({n}): every output cell gets the same number of contributions — no checkerboard from the stride.":
        "每个相位用到的卷积核元素一样多（{n} 个）：每个输出格子得到的贡献数相同——步长不会造成棋盘格。",
    "Some phases use no tap at all (taps per phase: {levels}): their output cells are always 0 — a grid of holes.":
        "有些相位一个卷积核元素也用不到（每个相位的元素数：{levels}）：它们的输出格子永远为 0——一张布满空洞的网格。",
    "The phases use {levels} taps: kernel {k} is not a multiple of stride {s}, so some output cells are sums of more products than others — the checkerboard.":
        "各相位分别用到 {levels} 个卷积核元素：卷积核 {k} 不是步长 {s} 的整数倍，所以有些输出格子累加的乘积比别的多——这就是棋盘格伪影。",
    "The phases use {levels} taps (dilation {d} moves the taps between phases): some output cells are sums of more products than others — the checkerboard.":
        "各相位分别用到 {levels} 个卷积核元素（膨胀 {d} 让元素在相位之间移动）：有些输出格子累加的乘积比别的多——这就是棋盘格伪影。",
    "Checkerboard page: kernel {k}, stride {s}": "棋盘格页面：卷积核 {k}，步长 {s}",
    "Multiplications, zeros inserted (direct view)": "乘法次数，插零（直接卷积视图）",
    "Multiplications, {n} phases": "乘法次数，{n} 个相位",
    "Skipped by the phases": "相位分解省掉的比例",
    "The direct view multiplies every output cell by all the kernel's taps, but only its phase's taps meet a real input value; the others meet an inserted zero. That is {formula} of the work — exactly when each output side is a multiple of the stride, nearly otherwise.":
        "直接卷积视图让每个输出格子乘上卷积核的全部元素，但只有它所在相位的元素碰到真实输入，其余都乘在插入的零上。这占全部工作量的 {formula}——每条输出边都是步长的整数倍时恰好如此，否则近似如此。",
    "Look at one phase": "查看一个相位",
    "its sub-kernel, its small convolution and where its outputs go": "它的子卷积核、它的小卷积，以及它的输出放在哪里",
    "Its outputs fill the cells [{where}] of the output.": "它的输出填入输出的 [{where}] 格子。",
    "Sub-kernel": "子卷积核",
    "Phase output": "相位输出",
    "Interleaved, the phases give exactly the page's output (convt.kernels_nd.conv_transpose): largest difference {diff}.":
        "交错拼合后，各相位精确给出本页的输出（convt.kernels_nd.conv_transpose）：最大差值 {diff}。",
    "The phases disagree with the kernel by {diff}.": "各相位与内核计算结果相差 {diff}。",
    "Kernel taps, coloured by phase": "卷积核元素，按相位着色",
    "Taps per phase": "每个相位的卷积核元素数",
    "Phase {name}: 1 tap": "相位 {name}：1 个元素",
    "Phase {name}: {n} taps": "相位 {name}：{n} 个元素",
    "Interleaved (pixel shuffle): output {size}": "交错拼合（像素重排）：输出 {size}",
}

CHAINS = {
    # --- encoder-decoder, audio, U-Net, model paste, translator --------------------------------
    # encoder-decoder page (pages/7), chain mode
    "Mode": "模式",
    "Image chain (2-D)": "图像链（2-D）",
    "Audio decoder (1-D)": "音频解码器（1-D）",
    "audio: a stack of ConvTranspose1d layers, its length at every layer and causal trimming":
        "音频：一叠 ConvTranspose1d 层，每一层的长度，以及因果裁剪",
    "Presets": "预设",
    "The seed: 97 → conv s4 → 25 → conv_transpose s3 → 97 (fails)": "起点示例：97 → 卷积 s4 → 25 → 转置卷积 s3 → 97（失败）",
    "The seed, fixed: the transpose's stride matches the encoder's (4)": "起点示例（已修复）：转置卷积的步长与编码器一致（4）",
    "U-Net on an odd input (101): the skip connections stop matching": "奇数输入（101）上的 U-Net：跳跃连接的尺寸对不上了",
    "U-Net, input padded to 104 (a multiple of 2³)": "U-Net，输入填充到 104（2³ 的倍数）",
    "Dimensions": "维度",
    "1-D: Conv1d / ConvTranspose1d on sequences; 3-D: on volumes (every side the same size). convt's JAX and ONNX rules are 2-D only.":
        "1-D：作用于序列的 Conv1d / ConvTranspose1d；3-D：作用于体数据（各边尺寸相同）。convt 的 JAX 和 ONNX 规则只支持 2-D。",
    "Input size (every side)": "输入尺寸（各边）",
    "at most {n}": "最多 {n}",
    "Framework for the diagram": "示意图所用框架",
    "Layers, one per line": "层，每行一个",
    "conv k<kernel> s<stride> SAME|VALID — a forward conv.  convT k<kernel> s<stride> SAME|VALID [out <size>] [skip <tensor>] — a transposed conv; out is the requested output size (TF output_shape, PyTorch output_size); skip j concatenates with tensor j (0 = the input, t = layer t's output). At most {layers} layers, kernel ≤ {kernel}, stride ≤ {stride}, sizes ≤ {size}, {chars} characters.":
        "conv k<卷积核> s<步长> SAME|VALID —— 前向卷积。convT k<卷积核> s<步长> SAME|VALID [out <尺寸>] [skip <张量>] —— 转置卷积；out 是要求的输出尺寸（TF 的 output_shape、PyTorch 的 output_size）；skip j 表示与张量 j 拼接（0 = 输入，t = 第 t 层的输出）。最多 {layers} 层，卷积核 ≤ {kernel}，步长 ≤ {stride}，尺寸 ≤ {size}，{chars} 个字符。",
    "No layers yet: add one per line, e.g. `conv k3 s2 SAME`, or load a preset.": "还没有层：每行加一个，例如 `conv k3 s2 SAME`，或载入一个预设。",
    "In {name}, which layer of this chain breaks first?": "在 {name} 中，这条链最先出错的是哪一层？",
    "none: every layer works": "没有：每一层都能运行",
    "layer {n}": "第 {n} 层",
    "{name}: every layer works — {sizes}.": "{name}：每一层都能运行——{sizes}。",
    "{name}: layer {t} ({layer}) breaks after {sizes}.": "{name}：第 {t} 层（{layer}）在 {sizes} 之后出错。",
    "Verdicts": "结论",
    "A {nd}-D chain: TensorFlow, Keras and PyTorch only (convt's JAX and ONNX rules are 2-D).":
        "{nd}-D 链：只有 TensorFlow、Keras 和 PyTorch（convt 的 JAX 和 ONNX 规则只支持 2-D）。",
    "**{framework}**: every layer works — {sizes}.": "**{framework}**：每一层都能运行——{sizes}。",
    "**{framework}**: breaks at layer {t} (`{layer}`) after {sizes}.": "**{framework}**：在 {sizes} 之后，第 {t} 层（`{layer}`）出错。",
    "Every intermediate shape": "每一个中间形状",
    "layer no.": "序号",
    "layer": "层",
    "input": "输入",
    "✗ breaks": "✗ 出错",
    "{framework}: tensor sizes (height = width)": "{framework}：张量尺寸（高 = 宽）",
    "Bars: tensors, height ∝ size. Arcs: skip connections (green: sizes match; red: they do not). ✗: the first layer that breaks.":
        "柱：张量，高度 ∝ 尺寸。弧线：跳跃连接（绿：尺寸一致；红：不一致）。✗：第一个出错的层。",
    "Where it breaks, and how to fix it": "哪里出错，怎么修",
    "{framework} — layer {t}": "{framework} —— 第 {t} 层",
    "The framework says:": "框架的报错：",
    "Why:": "原因：",
    "**Fixes** (each checked by re-running the whole chain):": "**修复方法**（每一个都重新运行整条链验证过）：",
    "Apply": "应用",
    "load this change into the chain": "把这个改动载入链中",
    "No single change found within the caps; try a different stride or input size.": "在上限之内找不到单一改动；试试别的步长或输入尺寸。",
    "Show me the code that walks the chain": "给我看遍历这条链的代码",
    # U-Net solver (ui/unet_page)
    "U-Net size solver": "U-Net 尺寸求解器",
    "In {framework}, the input sizes this chain gives back exactly (every skip connection matches and the output has the input's size), up to {most}: **{sizes}**.":
        "在 {framework} 中，这条链能原样还原的输入尺寸（每个跳跃连接都匹配，且输出与输入尺寸相同），不超过 {most}：**{sizes}**。",
    "Input {n} round-trips.": "输入 {n} 能原样还原。",
    "Input {n} runs through, but the output does not have the input's size.": "输入 {n} 能跑通，但输出的尺寸与输入不同。",
    "Input {n} breaks at layer {t}. The smallest fix per layer, each on its own:": "输入 {n} 在第 {t} 层出错。每一层的最小修复（各自独立）：",
    # model paste (ui/model_page)
    "Paste your model (PyTorch or Keras code, read but never run)": "粘贴你的模型（PyTorch 或 Keras 代码，只读取，从不运行）",
    "Model code": "模型代码",
    "nn.Sequential(...), a module's __init__ and forward (torch.cat for skips), a Keras Sequential([...]) or functional code (layers.Conv2D(...)(x), Concatenate()([a, b])); 1-D (Conv1d, Conv1D …), 2-D or 3-D (Conv3d, Conv3D …) layers. At most {chars} characters, {lines} lines, {layers} layers.":
        "nn.Sequential(...)、一个模块的 __init__ 和 forward（跳跃连接用 torch.cat）、Keras 的 Sequential([...]) 或函数式代码（layers.Conv2D(...)(x)、Concatenate()([a, b])）；一维（Conv1d、Conv1D …）、二维或三维（Conv3d、Conv3D …）的层。最多 {chars} 个字符、{lines} 行、{layers} 层。",
    "Input size for the pasted model": "粘贴模型的输入尺寸",
    "Sequence length (frames) for the pasted model": "粘贴模型的序列长度（帧数）",
    "Volume side (depth = height = width) for the pasted model": "粘贴模型的体数据边长（深 = 高 = 宽）",
    "Sequence length": "序列长度",
    "Input": "输入",
    "Volume side": "体数据边长",
    "PyTorch encoder–decoder (2-D)": "PyTorch 编码器–解码器（二维）",
    "PyTorch vocoder, HiFi-GAN style (1-D)": "PyTorch 声码器，HiFi-GAN 风格（一维）",
    "Keras 3-D U-Net": "Keras 三维 U-Net",
    "Pooling is read as a strided conv, upsampling by f as a transposed conv k = s = f and a padding layer that adds t cells as a transposed conv k = t + 1, s = 1 (same sizes); activations, norms and dropout keep the size.":
        "池化按带步长的卷积读取，f 倍上采样按 k = s = f 的转置卷积读取，增加 t 个单元的填充层按 k = t + 1、s = 1 的转置卷积读取（尺寸相同）；激活、归一化和 dropout 不改变尺寸。",
    "Read as a 1-D {framework} model (sizes are sequence lengths), {n} size-changing layers:":
        "按一维 {framework} 模型读取（尺寸是序列长度），{n} 个改变尺寸的层：",
    "Read as a 2-D {framework} model (sizes are height = width), {n} size-changing layers:":
        "按二维 {framework} 模型读取（尺寸是高 = 宽），{n} 个改变尺寸的层：",
    "Read as a 3-D {framework} model (sizes are the side of a cube: depth = height = width), {n} size-changing layers:":
        "按三维 {framework} 模型读取（尺寸是立方体的边长：深 = 高 = 宽），{n} 个改变尺寸的层：",
    "how it was read": "读取方式",
    "pads {t} cells per axis (n → n + {t}): the sizes of convT k{k} s1 VALID":
        "每个轴填充 {t} 个格子（n → n + {t}）：与 convT k{k} s1 VALID 的尺寸相同",
    "pads {t} cell per axis (n → n + {t}): the sizes of convT k{k} s1 VALID":
        "每个轴填充 {t} 个格子（n → n + {t}）：与 convT k{k} s1 VALID 的尺寸相同",
    "crops {t} cells per axis (n → n − {t}): the sizes of conv k{k} s1 VALID":
        "每个轴裁掉 {t} 个格子（n → n − {t}）：与 conv k{k} s1 VALID 的尺寸相同",
    "crops {t} cell per axis (n → n − {t}): the sizes of conv k{k} s1 VALID":
        "每个轴裁掉 {t} 个格子（n → n − {t}）：与 conv k{k} s1 VALID 的尺寸相同",
    "PyTorch's sizes depend only on {formula} = {terms} = {e}: read as kernel {e}, no padding":
        "PyTorch 的尺寸只取决于 {formula} = {terms} = {e}：按卷积核 {e}、无填充读取",
    "padding='same': the length is kept (the sizes of kernel 1, no padding)":
        "padding='same'：长度不变（与卷积核 1、无填充的尺寸相同）",
    "line": "代码行",
    "code": "代码",
    "read as": "读作",
    "size": "尺寸",
    "{what} {n}: every layer works in {framework} — {walked}; the solver's round-trip sizes: {sizes}.":
        "{what} {n}：在 {framework} 中每一层都能运行——{walked}；求解器给出的可还原尺寸：{sizes}。",
    "{what} {n}: every layer works in {framework} — {walked}.": "{what} {n}：在 {framework} 中每一层都能运行——{walked}。",
    "{what} {n} breaks at layer {t} (line {line}): {problem}": "{what} {n} 在第 {t} 层（第 {line} 行）出错：{problem}",
    "Layer {t} is {name}, read as the transposed conv with the same sizes: for it, resize to the skip tensor's size or crop/pad instead of output_padding.":
        "第 {t} 层是 {name}，按尺寸相同的转置卷积读取：对它来说，应改为缩放到跳跃连接张量的尺寸，或裁剪/填充，而不是用 output_padding。",
    # audio mode (ui/audio_page)
    "DAC-style, strides 5·4·3·2, before PR #78 (no output_padding)": "DAC 风格，步长 5·4·3·2，PR #78 之前（没有 output_padding）",
    "The same after PR #78 (output_padding = stride % 2)": "PR #78 之后的同一结构（output_padding = stride % 2）",
    "DAC 44 kHz decoder (strides 8·8·4·2)": "DAC 44 kHz 解码器（步长 8·8·4·2）",
    "HiFi-GAN V1 (k 16·16·4·4, s 8·8·2·2)": "HiFi-GAN V1（k 16·16·4·4，s 8·8·2·2）",
    "Frames (decoder input length)": "帧数（解码器输入长度）",
    "ConvTranspose1d layers, one per line": "ConvTranspose1d 层，每行一个",
    "k<kernel> s<stride> p<padding> op<output_padding>, e.g. `k16 s8 p4 op0` (dilation 1). At most {layers} layers, kernel ≤ {kernel}, stride ≤ {stride}.":
        "k<卷积核> s<步长> p<填充> op<output_padding>，例如 `k16 s8 p4 op0`（膨胀为 1）。最多 {layers} 层，卷积核 ≤ {kernel}，步长 ≤ {stride}。",
    "No layers yet: add one per line, e.g. `k16 s8 p4 op0`, or load a preset.": "还没有层：每行加一个，例如 `k16 s8 p4 op0`，或载入一个预设。",
    "How many samples does this decoder output for {frames} frames?": "输入 {frames} 帧时，这个解码器输出多少个采样点？",
    "{frames} frames × hop {h} = {total}; the layers' offsets add {c}: {sizes}.":
        "{frames} 帧 × 跳长 {h} = {total}；各层的偏移再加上 {c}：{sizes}。",
    "Length at every layer": "每一层的长度",
    "Hop length (product of strides)": "跳长（步长之积）",
    "frames × hop": "帧数 × 跳长",
    "Decoder output": "解码器输出",
    "Off by": "偏差",
    "in": "输入",
    "out = (in−1)·s − 2p + k − 1 + op + 1": "输出 = (in−1)·s − 2p + k − 1 + op + 1",
    "< 1 (fails)": "< 1（失败）",
    "stride × in": "步长 × 输入",
    "off by": "偏差",
    "fix": "修复",
    "Layer {t}: {problem}.": "第 {t} 层：{problem}。",
    "Every layer gives exactly stride × its input, so **every** number of frames decodes to exactly frames × {hop} samples.":
        "每一层都恰好给出 步长 × 输入，所以**任何**帧数都解码为恰好 帧数 × {hop} 个采样点。",
    "The stack gives hop·frames {offset} samples for **every** number of frames (checked layer by layer for 1…{upto}: {exact} exact): an offset in one layer is multiplied by the strides after it, so the output length is never frames × {hop}.":
        "对**任何**帧数，这叠层都给出 跳长·帧数 {offset} 个采样点（对 1…{upto} 逐层检查：{exact} 个恰好）：某一层的偏移会被它之后各层的步长放大，所以输出长度永远不是 帧数 × {hop}。",
    "- Layer {t} (`{layer}` → `{fix}`): {why}.": "- 第 {t} 层（`{layer}` → `{fix}`）：{why}。",
    "- Layer {t}: {why}.": "- 第 {t} 层：{why}。",
    "Apply every fix": "应用全部修复",
    "padding = ⌈(k−s)/2⌉, output_padding = (k−s) mod 2 on every inexact layer": "对每个不精确的层设 padding = ⌈(k−s)/2⌉，output_padding = (k−s) mod 2",
    "The layers in PyTorch": "这些层的 PyTorch 写法",
    "Which clip lengths come back exactly": "哪些片段长度能原样回来",
    "Clip length in samples": "片段长度（采样点）",
    "An encoder with the mirrored strides (total {hop}) pads {T} samples to ⌈{T} / {hop}⌉ = **{n} frames** = {padded} samples; this decoder turns {n} frames into **{back} samples**.":
        "步长镜像对称的编码器（总计 {hop}）把 {T} 个采样点填充到 ⌈{T} / {hop}⌉ = **{n} 帧** = {padded} 个采样点；这个解码器把 {n} 帧变成 **{back} 个采样点**。",
    "nothing": "什么也没有",
    "{T} is a multiple of {hop} and the decoder is exact: the clip comes back at its length.": "{T} 是 {hop} 的倍数且解码器精确：片段按原长度回来。",
    "{T} is a multiple of {hop}, but the decoder is off by {offset}: fix its layers (above).": "{T} 是 {hop} 的倍数，但解码器偏差 {offset}：修正它的层（见上）。",
    "{T} is not a multiple of {hop}: the decoder returns the padded length{offset}. Exact round trips need a multiple of {hop} (e.g. {lo} or {hi}) and an exact decoder; otherwise crop the output back to {T} samples (as DAC does).":
        "{T} 不是 {hop} 的倍数：解码器返回填充后的长度{offset}。要精确还原，需要 {hop} 的倍数（例如 {lo} 或 {hi}）和精确的解码器；否则把输出裁回 {T} 个采样点（DAC 就是这么做的）。",
    "Causal layers: trim on the left or on the right?": "因果层：在左边裁还是在右边裁？",
    "A causal `ConvTranspose1d` (padding 0) outputs (n−1)·s + k samples: k − s = {extra} too many. EnCodec's `SConvTranspose1d` trims them afterwards; `trim_right_ratio=1` (the causal default) cuts the right. Drawn for kernel {k}, stride {s} and {n} frames (from the layer `{layer}`).":
        "因果 `ConvTranspose1d`（padding 0）输出 (n−1)·s + k 个采样点：多出 k − s = {extra} 个。EnCodec 的 `SConvTranspose1d` 事后把它们裁掉；`trim_right_ratio=1`（因果模式的默认值）裁右边。图中卷积核 {k}、步长 {s}、{n} 帧（取自层 `{layer}`）。",
    "Trim on the": "裁剪位置",
    "right": "右侧",
    "left": "左侧",
    "After input frame": "在输入帧之后",
    "Trimming on the {side} keeps samples **{first}…{last}** of the full output; final after frame {frame}: **{ready}**.":
        "在{side}裁剪，保留完整输出的第 **{first}…{last}** 个采样点；第 {frame} 帧之后已定的：**{ready}** 个。",
    "Green: final (no later frame adds to it) · orange: still waiting for a later frame's stamp · grey ×: trimmed away · a/b: stamps so far / stamps it will get in a stream.":
        "绿：已定（之后的帧不会再叠加）· 橙：还在等后面帧的叠加 · 灰 ×：被裁掉 · a/b：目前的叠加次数 / 流式中最终的叠加次数。",
    # translator (pages/8)
    "Input size (square)": "输入尺寸（正方形）",
    "Input channels": "输入通道数",
    "Output channels": "输出通道数",
    "Kernel": "卷积核",
    "Dilation": "膨胀率",
    "Padding": "填充",
    "SAME (size i·s)": "SAME（尺寸 i·s）",
    "explicit crops": "显式裁剪",
    "Crop before (top / left)": "前端裁剪（上 / 左）",
    "Crop after (bottom / right)": "后端裁剪（下 / 右）",
    "output_padding (the extra cells at the end)": "output_padding（末端多出的格子）",
    "Groups": "分组数",
    "What output size (height = width) will this layer give?": "这一层会给出多大的输出尺寸（高 = 宽）？",
    "The full transposed output is (i − 1)·s + (k − 1)·d + 1 = {full} cells; the padding keeps {n} of them, from cell {start}.":
        "完整的转置输出有 (i − 1)·s + (k − 1)·d + 1 = {full} 格；填充从第 {start} 格起保留其中 {n} 格。",
    "All six versions agree: output {shape} (NCHW), the window of {n} cells from cell {start} of the full {full}-cell transposed output.":
        "六个版本全部一致：输出 {shape}（NCHW），即完整 {full} 格转置输出中从第 {start} 格起的 {n} 格窗口。",
    "The versions disagree: output {shape} (NCHW), the window of {n} cells from cell {start} of the full {full}-cell transposed output.":
        "各版本不一致：输出 {shape}（NCHW），即完整 {full} 格转置输出中从第 {start} 格起的 {n} 格窗口。",
    "Numbers: a seeded random input and PyTorch-layout weights W [C_in, C_out/groups, kh, kw], float64; each version is run by convt's adapter of that framework (Keras through its size rule and tf_style) and compared with the canonical transposed conv.":
        "数字：带种子的随机输入和 PyTorch 布局的权重 W [C_in, C_out/groups, kh, kw]，float64；每个版本都由 convt 对该框架的适配器运行（Keras 经由它的尺寸规则和 tf_style），并与标准转置卷积比较。",
    "framework": "框架",
    "output": "输出",
    "max |difference|": "最大 |差值|",
    "agrees": "一致",
    "weights": "权重",
    "✓ yes": "✓ 是",
    "✗ no": "✗ 否",
    "Padding:": "填充：",
    "Weights:": "权重：",
    # chain model texts (lab/chain): fixes, problems, notes
    "layer {t}: use stride {s} instead of {o}": "第 {t} 层：用步长 {s} 代替 {o}",
    "layer {t}: use kernel {k} instead of {o}": "第 {t} 层：用卷积核 {k} 代替 {o}",
    "layer {t}: use {p} padding": "第 {t} 层：改用 {p} 填充",
    "layer {t}: ask for output size {a} instead of {b} (from {i} it accepts {sizes})": "第 {t} 层：请求输出尺寸 {a} 而不是 {b}（从 {i} 出发它接受 {sizes}）",
    "layer {t}: ask for output size {a} instead of {b} (from {i} it accepts {sizes}); the output is then {c}, no longer the input's {d}":
        "第 {t} 层：请求输出尺寸 {a} 而不是 {b}（从 {i} 出发它接受 {sizes}）；这样输出是 {c}，不再是输入的 {d}",
    "layer {t}: ask for the skip tensor's size — {how}": "第 {t} 层：按跳跃连接张量的尺寸请求——{how}",
    "layer {t}: ask for the skip tensor's size — the output_padding that gives {n}": "第 {t} 层：按跳跃连接张量的尺寸请求——用能得到 {n} 的 output_padding",
    "layer {t}: ask for the skip tensor's size — the pads that give {n}": "第 {t} 层：按跳跃连接张量的尺寸请求——用能得到 {n} 的填充",
    "pad the input from {a} to {b}: then every layer fits in every framework": "把输入从 {a} 填充到 {b}：这样每一层在每个框架中都合适",
    "crop the input from {a} to {b}: then every layer fits in every framework": "把输入从 {a} 裁剪到 {b}：这样每一层在每个框架中都合适",
    "pad the input from {a} to {b} (and ask the transposes that restore it for {c}): then every layer fits in every framework":
        "把输入从 {a} 填充到 {b}（并让恢复尺寸的转置卷积请求 {c}）：这样每一层在每个框架中都合适",
    "crop the input from {a} to {b} (and ask the transposes that restore it for {c}): then every layer fits in every framework":
        "把输入从 {a} 裁剪到 {b}（并让恢复尺寸的转置卷积请求 {c}）：这样每一层在每个框架中都合适",
    "the output would have {n} cells": "输出将只有 {n} 格",
    "the output would have {n} cells, more than this page's cap of {cap}": "输出将有 {n} 格，超过本页的上限 {cap}",
    "the kernel ({k}) does not fit in the {n}-cell input with {p} padding: the output would have {m} cells":
        "卷积核（{k}）在 {p} 填充下放不进 {n} 格的输入：输出将只有 {m} 格",
    "output_shape {n} is refused: from {i} onnxruntime accepts {sizes} (a bigger output would need a bigger input).":
        "output_shape {n} 被拒绝：从 {i} 出发 onnxruntime 接受 {sizes}（更大的输出需要更大的输入）。",
    "Conv2DTranspose takes no output size: from {i} it gives {a} to {b} (output_padding 0 to {c}); {n} is not reachable ({outcome}).":
        "Conv2DTranspose 不接受输出尺寸：从 {i} 出发它给出 {a} 到 {b}（output_padding 0 到 {c}）；{n} 达不到（{outcome}）。",
    "Conv2DTranspose takes no output size; to reach {n} from {i} it would need output_padding={op}, but output_padding must be smaller than the stride {s} (reachable: {sizes}).":
        "Conv2DTranspose 不接受输出尺寸；要从 {i} 得到 {n} 需要 output_padding={op}，但 output_padding 必须小于步长 {s}（能达到的：{sizes}）。",
    "Keras asks TF's conv2d_transpose for {n}, which TF refuses: {why}": "Keras 向 TF 的 conv2d_transpose 请求 {n}，TF 拒绝了：{why}",
    "skip connection: this layer's output is {a} × {a} but tensor {j} (the input) is {b} × {b}; concatenating them needs the same height and width (the frameworks refuse it, each in its own words)":
        "跳跃连接：这一层的输出是 {a} × {a}，而张量 {j}（输入）是 {b} × {b}；拼接要求高和宽都相同（各框架都会拒绝，各有各的报错）",
    "skip connection: this layer's output is {a} × {a} but tensor {j} (layer {l} output) is {b} × {b}; concatenating them needs the same height and width (the frameworks refuse it, each in its own words)":
        "跳跃连接：这一层的输出是 {a} × {a}，而张量 {j}（第 {l} 层的输出）是 {b} × {b}；拼接要求高和宽都相同（各框架都会拒绝，各有各的报错）",
    "The layer list is longer than {n} characters; the rest was cut off.": "层列表超过 {n} 个字符；其余部分被截掉了。",
    "Layer line {n} {why}; it was left out.": "第 {n} 行的层 {why}；已略去。",
    "Layer line {n} has kernel {k}; kernels go from 1 to {m}; it was left out.": "第 {n} 行的层卷积核为 {k}；卷积核取值为 1 到 {m}；已略去。",
    "Layer line {n} has stride {k}; strides go from 1 to {m}; it was left out.": "第 {n} 行的层步长为 {k}；步长取值为 1 到 {m}；已略去。",
    "Layer line {n} asks for out {k}; sizes go from 1 to {m}; it was left out.": "第 {n} 行的层请求 out {k}；尺寸取值为 1 到 {m}；已略去。",
    "Layer line {n} gives out to a conv; a forward conv's size follows from its input (only convT takes out); it was left out.":
        "第 {n} 行的层给前向卷积指定了 out；前向卷积的尺寸由它的输入决定（只有 convT 接受 out）；已略去。",
    "Layer line {n} starts with {word}, not conv or convT; it was left out.": "第 {n} 行的层以 {word} 开头，不是 conv 或 convT；已略去。",
    "Layer line {n} has {word}, which is not k<n>, s<n>, SAME, VALID, out <n> or skip <n>; it was left out.":
        "第 {n} 行的层含有 {word}，它不是 k<n>、s<n>、SAME、VALID、out <n> 或 skip <n>；已略去。",
    "The layers could not be read.": "无法读取这些层。",
    "A chain holds at most {n} layers; the rest were left out.": "一条链最多 {n} 层；其余的已略去。",
    "Layer {t} has skip {j}, but only tensors 0 to {n} exist before it; the skip was dropped.": "第 {t} 层有 skip {j}，但它之前只有张量 0 到 {n}；已去掉这个跳跃连接。",
    "The link's layers could not be read; showing the preset “{name}”.": "无法读取链接中的层；显示预设“{name}”。",
    # audio model texts (lab/audio)
    "output_padding {op} must be smaller than the stride {s} (PyTorch: “output padding must be smaller than either stride or dilation”)":
        "output_padding {op} 必须小于步长 {s}（PyTorch：“output padding must be smaller than either stride or dilation”）",
    "k − s = {d} is odd and the stride is 1: output_padding 1 is not allowed; use an odd kernel":
        "k − s = {d} 是奇数而步长为 1：不允许 output_padding 1；请用奇数大小的卷积核",
    "padding = ⌈(k−s)/2⌉ = ⌈{d}/2⌉ = {p}, output_padding = (k−s) mod 2 = {op}": "取 padding = ⌈(k−s)/2⌉ = ⌈{d}/2⌉ = {p}，output_padding = (k−s) mod 2 = {op}",
    "the kernel is shorter than the stride: padding 0, output_padding = s − k = {op}": "卷积核比步长短：padding 0，output_padding = s − k = {op}",
    "already exact": "已经精确",
    "At most {n} layers; the rest are ignored.": "最多 {n} 层；其余的被忽略。",
    "Layer {line} ignored: {tok} is not k…, s…, p… or op….": "已忽略层 {line}：{tok} 不是 k…、s…、p… 或 op…。",
    "Layer {line} ignored: {key}={val} is outside {lo}…{hi}.": "已忽略层 {line}：{key}={val} 超出 {lo}…{hi}。",
    "After frame {m} of {n}: trimming on the **right** can emit **{right}** samples (= {m}·{s}: every sample is final as soon as its frame arrives — no latency).":
        "第 {m} 帧（共 {n} 帧）之后：在**右侧**裁剪可以输出 **{right}** 个采样点（= {m}·{s}：每个采样点在它的帧到达时就已确定——没有延迟）。",
    "Trimming on the **left** can emit **{left}**: it drops the first {trim} samples and waits {trim} samples for the overlap-add of the next frame.":
        "在**左侧**裁剪可以输出 **{left}** 个：它丢掉最前面的 {trim} 个采样点，并要为下一帧的重叠相加多等 {trim} 个采样点。",
    "Trimming on the **left** can emit **{left}**: it drops the first {trim} samples and waits {trim} samples for the overlap-add of the next frame; at the end of the clip its last {trim} samples never get that frame's stamps.":
        "在**左侧**裁剪可以输出 **{left}** 个：它丢掉最前面的 {trim} 个采样点，并要为下一帧的重叠相加多等 {trim} 个采样点；在片段末尾，它最后的 {trim} 个采样点永远等不到那一帧的叠加。",
    "A kernel ({k}) shorter than the stride ({s}) leaves gaps and nothing to trim; using kernel {s}.":
        "卷积核（{k}）比步长（{s}）短，会留下空隙，也没有可裁剪的；改用卷积核 {s}。",
    "The causal picture draws at most {cap} for the {what}; using {cap}.": "因果示意图的{what}最多画 {cap}；改用 {cap}。",
    "Causal transposed conv, kernel {k}, stride {s}: full output {L} = ({n}−1)·{s}+{k}; trim k−s = {t} to get {n}·{s} = {ns}. After frame {f}.":
        "因果转置卷积，卷积核 {k}，步长 {s}：完整输出 {L} = ({n}−1)·{s}+{k}；裁掉 k−s = {t} 个得到 {n}·{s} = {ns}。第 {f} 帧之后。",
    "frame {n} stamps": "第 {n} 帧的印章",
    "overlap-add so far": "目前的重叠相加",
    "trim right: keeps": "右侧裁剪：保留",
    "trim left: keeps": "左侧裁剪：保留",
    "frames": "帧数",
    "kernel": "卷积核",
    "stride": "步长",
    # translator model texts (lab/translator): notes, flags, padding and weights
    "SAME fixes the size at input × stride: output_padding is not used.": "SAME 把尺寸固定为 输入 × 步长：不使用 output_padding。",
    "crops of {a} + {b} leave no output of the full {n} cells; using no crop.": "裁剪 {a} + {b} 会把完整的 {n} 格输出全部裁掉；改为不裁剪。",
    "groups={g} must divide both channel counts ({i} in, {o} out); using groups=1.": "groups={g} 必须同时整除两个通道数（输入 {i}，输出 {o}）；改用 groups=1。",
    "output_padding must be below the stride ({s}) in Keras and ONNX; using {v}.": "在 Keras 和 ONNX 中 output_padding 必须小于步长（{s}）；改用 {v}。",
    "Conv2DTranspose has no groups here: one layer per group on its channel slice, concatenated on channels (keras.layers.Concatenate)":
        "Conv2DTranspose 在这里没有分组：每组一个层，作用在自己的通道切片上，再按通道拼接（keras.layers.Concatenate）",
    "Keras has no explicit padding: padding='valid', then {crop}": "Keras 没有显式填充：padding='valid'，然后 {crop}",
    "Keras refuses strides > 1 with dilation_rate > 1: there is no Keras layer for this; use tf.nn.conv2d_transpose (computed here through it)":
        "Keras 拒绝同时使用 strides > 1 和 dilation_rate > 1：没有对应的 Keras 层；请用 tf.nn.conv2d_transpose（这里就是通过它计算的）",
    "PyTorch has no padding='same' for transposed convs: padding={p}, output_padding={op} give the same window":
        "PyTorch 的转置卷积没有 padding='same'：padding={p}、output_padding={op} 给出同样的窗口",
    "PyTorch has no padding='same' for transposed convs: padding={p}, then crop the full output":
        "PyTorch 的转置卷积没有 padding='same'：padding={p}，再裁剪完整输出",
    "PyTorch's padding is symmetric: padding={p} with output_padding={op} gives the uneven crop":
        "PyTorch 的填充是对称的：padding={p} 加 output_padding={op} 给出不对称的裁剪",
    "PyTorch's padding is symmetric: padding={p}, then crop the full output": "PyTorch 的填充是对称的：padding={p}，再裁剪完整输出",
    "TF's CPU kernel refuses dilations > 1 in conv2d_transpose (GPU and oneDNN compute it; convt computes it)":
        "TF 的 CPU 内核在 conv2d_transpose 中拒绝 dilations > 1（GPU 和 oneDNN 能算；convt 也能算）",
    "auto_pad='SAME_UPPER' alone gives {n} in onnxruntime (it never pads past the full output): output_shape={shape} asks for the zeros":
        "只用 auto_pad='SAME_UPPER' 时 onnxruntime 给出 {n}（它从不在完整输出之外补零）：output_shape={shape} 才会要求这些零",
    "lax.conv_transpose has no groups here: one layer per group on its channel slice, concatenated on channels (or lax.conv_general_dilated with lhs_dilation=strides and feature_group_count)":
        "lax.conv_transpose 在这里没有分组：每组一个层，作用在自己的通道切片上，再按通道拼接（或用带 lhs_dilation=strides 和 feature_group_count 的 lax.conv_general_dilated）",
    "nn.ConvTranspose has no groups here: one layer per group on its channel slice, concatenated on channels":
        "nn.ConvTranspose 在这里没有分组：每组一个层，作用在自己的通道切片上，再按通道拼接",
    "tf.nn.conv2d_transpose (CPU) has no groups here: one layer per group on its channel slice, concatenated on channels (tf.split / tf.concat)":
        "tf.nn.conv2d_transpose（CPU）在这里没有分组：每组一个层，作用在自己的通道切片上，再按通道拼接（tf.split / tf.concat）",
    "onnx.shape_inference says {spec} for this node; onnxruntime gives {shape}": "onnx.shape_inference 对这个节点给出 {spec}；onnxruntime 给出 {shape}",
    "explicit {pads} with output_shape {n}": "显式 {pads}，output_shape {n}",
    "padding={pads}: pads of the stride-dilated input, not of the forward conv": "padding={pads}：填充的是按步长插零后的输入，而不是前向卷积的",
    "padding={pads}: pads of the stride-dilated input, not of the forward conv; padding='{same}' is the same here":
        "padding={pads}：填充的是按步长插零后的输入，而不是前向卷积的；这里 padding='{same}' 与之相同",
    "padding='{p}', output_padding={op} (Keras asks TF for {n})": "padding='{p}'，output_padding={op}（Keras 向 TF 请求 {n}）",
    "padding={p}, output_padding={op}, then crop to {n}": "padding={p}，output_padding={op}，再裁剪到 {n}",
    "W as it is: [C_in, C_out/group, kH, kW] (PyTorch's)": "W 原样：[C_in, C_out/group, kH, kW]（与 PyTorch 相同）",
    "W as it is: [C_in, C_out/groups, kh, kw]": "W 原样：[C_in, C_out/groups, kh, kw]",
    "W.transpose(2, 3, 0, 1)[::-1, ::-1]: HWIO and spatially flipped (transpose_kernel=False does not flip)":
        "W.transpose(2, 3, 0, 1)[::-1, ::-1]：HWIO 布局并做空间翻转（transpose_kernel=False 时不翻转）",
    "W.transpose(2, 3, 1, 0): [kh, kw, C_out, C_in], no flip": "W.transpose(2, 3, 1, 0)：[kh, kw, C_out, C_in]，不翻转",
    "kernel = W.transpose(2, 3, 1, 0): [kh, kw, features, C_in] with transpose_kernel=True (it flips and swaps)":
        "kernel = W.transpose(2, 3, 1, 0)：[kh, kw, features, C_in]，配合 transpose_kernel=True（它会翻转并交换输入输出通道）",
    "kernel = W.transpose(2, 3, 1, 0): [kh, kw, filters, C_in], as TF": "kernel = W.transpose(2, 3, 1, 0)：[kh, kw, filters, C_in]，与 TF 相同",
}

ZH = {**COMMON, **ANIMATION, **EXPLORER, **HOME, **LEARNING, **SUBPIXEL, **CHAINS}
