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
}

EXPLORER = {
    # --- shape explorer, error decoder, library explanations and fixes -------------------------
}

HOME = {
    # --- home page and the gradient page -------------------------------------------------------
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
    "padding": "padding（填充）",
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
    "Dimensions": "维数",
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
    "nn.Sequential(...), a module's __init__ and forward (torch.cat for skips), a Keras Sequential([...]) or functional code (layers.Conv2D(...)(x), Concatenate()([a, b])). At most {chars} characters, {lines} lines, {layers} layers.":
        "nn.Sequential(...)、一个模块的 __init__ 和 forward（跳跃连接用 torch.cat）、Keras 的 Sequential([...]) 或函数式代码（layers.Conv2D(...)(x)、Concatenate()([a, b])）。最多 {chars} 个字符、{lines} 行、{layers} 层。",
    "Input size for the pasted model": "粘贴模型的输入尺寸",
    "Pooling is read as a strided conv and upsampling by f as a transposed conv k = s = f (same sizes); activations, norms and dropout keep the size.":
        "池化按带步长的卷积读取，f 倍上采样按 k = s = f 的转置卷积读取（尺寸相同）；激活、归一化和 dropout 不改变尺寸。",
    "Read as {framework}, {n} size-changing layers:": "按 {framework} 读取，{n} 个改变尺寸的层：",
    "line": "代码行",
    "code": "代码",
    "read as": "读作",
    "size": "尺寸",
    "Input {n}: every layer works in {framework}; the solver's round-trip sizes: {sizes}.":
        "输入 {n}：在 {framework} 中每一层都能运行；求解器给出的可还原尺寸：{sizes}。",
    "Input {n} breaks at layer {t} (line {line}): {problem}": "输入 {n} 在第 {t} 层（第 {line} 行）出错：{problem}",
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
    "Dilation": "膨胀",
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
