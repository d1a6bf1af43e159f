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
}

ZH = {**COMMON, **ANIMATION, **EXPLORER, **HOME, **LEARNING, **SUBPIXEL, **CHAINS}
