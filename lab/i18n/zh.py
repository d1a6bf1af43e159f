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
}

ANIMATION = {
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
    "Dimensions": "维数",
    "1-D (one row)": "1-D（一行）",
    "2-D": "2-D",
    "Input size": "输入尺寸",
    "Kernel size": "卷积核大小",
    "Stride": "步长",
    "Dilation": "膨胀",
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
}

HOME = {
    # --- home page and the gradient page -------------------------------------------------------
}

LEARNING = {
    # --- misconceptions page and prediction prompts of pages 7, 8 --------------------------------
}

SUBPIXEL = {
    # --- sub-pixel (polyphase) view, checkerboard page -----------------------------------------
}

CHAINS = {
    # --- encoder-decoder, audio, U-Net, model paste, translator --------------------------------
}

ZH = {**COMMON, **ANIMATION, **EXPLORER, **HOME, **LEARNING, **SUBPIXEL, **CHAINS}
