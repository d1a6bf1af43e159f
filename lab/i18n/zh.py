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
