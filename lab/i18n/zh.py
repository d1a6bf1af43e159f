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
    "{axis}: ask for output size {n} instead of {r} (valid: {sizes})": "{axis}：把输出尺寸从 {r} 改为 {n}（有效：{sizes}）",
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
    "{axis}: input {i} → output {o}: {arith}": "{axis}：输入 {i} → 输出 {o}：{arith}",
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
    "{n} is not.": "{n} 不满足。",
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
    "works:": "可以运行：",
    "output {o}": "输出 {o}",
    "output {o} (JAX checks no size)": "输出 {o}（JAX 不检查尺寸）",
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
    "output_shape=tf.shape(...) or a placeholder with None (dynamic)": "output_shape=tf.shape(...) 或含 None 的占位符（动态）",
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
    "({axis}:": "（{axis}：",
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
    "data_format names the layout:": "data_format 指定布局：",
    "the CPU kernels compute channels last.": "CPU 内核按通道在最后的布局计算。",
    "the batch and channel dilations must be {a}.": "批量维和通道维的膨胀率必须为 {a}。",
    "the batch and channel strides must be {a}.": "批量维和通道维的步长必须为 {a}。",
    "explicit padding values must be >= {a}.": "显式填充的值必须 >= {a}。",
    "To get a larger transposed-conv output, ask for a larger output_shape instead.": "想让转置卷积输出更大，请改为请求更大的 output_shape。",
    "padding is 'SAME', 'VALID' or an explicit list [[{a}, {b}], [top, bottom], [left, right], [{c}, {d}]] (NHWC), with zeros for batch and channels.":
        "padding 可以是 'SAME'、'VALID' 或显式列表 [[{a}, {b}], [top, bottom], [left, right], [{c}, {d}]]（NHWC），批量维和通道维填 0。",
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
    "min + stride - 1).": "min + stride - 1）。",
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
        "卷积的权重 ({w})（out, in/groups, kH, kW）期望 {b} 个输入通道，但输入 ({x}) 有 {d} 个。",
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
    "XLA refuses an empty window when it lowers the call.": "XLA 在 lowering 这次调用时拒绝空窗口。",
    "Explicit padding must be one (low, high) pair of integers per spatial axis.": "显式填充必须是每个空间轴一对 (low, high) 整数。",
    "One (lo, hi) pair per spatial axis is needed:": "每个空间轴需要一对 (lo, hi)：",
    "{a} for a {b}-D conv.": "{b} 维卷积需要 {a} 对。",
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
    "JAX only notices when XLA lowers the call.": "JAX 只有在 XLA lowering 这次调用时才会发现。",
    # ONNX
    "output_shape asks for {a} cells from an input of {b} (kernel {c}, stride {d}, dilation {e}, output_padding {f});":
        "output_shape 要求从大小为 {b} 的输入（卷积核 {c}，步长 {d}，膨胀率 {e}，output_padding {f}）得到 {a} 个格子；",
    "onnxruntime accepts {sizes} on that axis.": "onnxruntime 在这个轴上接受 {sizes}。",
    "(i-1)*s + k_eff + output_padding - pad_head - pad_tail is below {a}:": "(i-1)*s + k_eff + output_padding - pad_head - pad_tail 小于 {a}：",
    "the pads crop away more than the transposed conv produces.": "填充裁掉的比转置卷积产生的还多。",
    "B must be {a}-D with one value per output channel:": "B 必须是 {a} 维的，每个输出通道一个值：",
    "ConvTranspose's W is [C_in, C_out/group, kH, kW]:": "ConvTranspose 的 W 是 [C_in, C_out/group, kH, kW]：",
    "its FIRST axis must equal X's channels (PyTorch's layout, not TF's [kH, kW, C_out, C_in]).": "它的**第一维**必须等于 X 的通道数（PyTorch 的布局，而不是 TF 的 [kH, kW, C_out, C_in]）。",
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
    "Along the {axis} the stride-dilated input has {a} cells and pads ({p}) leave {b}. Negative pads crop the stride-dilated input of the equivalent direct conv ((i-1)*s + 1 cells); here they crop more than it has. By default integer pads are pads of that direct conv, not of the forward conv (jax#32267): use_consistent_padding=True reads them like PyTorch's padding.":
        "沿{axis}，按步长膨胀后的输入有 {a} 个格子，填充 ({p}) 之后剩下 {b} 个。负的填充会裁剪等价直接卷积中按步长膨胀后的输入（(i-1)*s + 1 个格子）；这里裁掉的比它本身还多。默认情况下，整数填充是这个直接卷积的填充，而不是前向卷积的填充（jax#32267）：use_consistent_padding=True 会像 PyTorch 的 padding 那样解读它们。",
    "Along the {axis} the stride-dilated input has {a} cells and pads ({p}) leave {b}; along the {axis2} the stride-dilated input has {c} cells and pads ({q}) leave {d}. Negative pads crop the stride-dilated input of the equivalent direct conv ((i-1)*s + 1 cells); here they crop more than it has. By default integer pads are pads of that direct conv, not of the forward conv (jax#32267): use_consistent_padding=True reads them like PyTorch's padding.":
        "沿{axis}，按步长膨胀后的输入有 {a} 个格子，填充 ({p}) 之后剩下 {b} 个；沿{axis2}，按步长膨胀后的输入有 {c} 个格子，填充 ({q}) 之后剩下 {d} 个。负的填充会裁剪等价直接卷积中按步长膨胀后的输入（(i-1)*s + 1 个格子）；这里裁掉的比它本身还多。默认情况下，整数填充是这个直接卷积的填充，而不是前向卷积的填充（jax#32267）：use_consistent_padding=True 会像 PyTorch 的 padding 那样解读它们。",
    "stride {s}:": "步长 {s}：",
    "{a} to {b};": "{a} 至 {b}；",
    "{a} to {b});": "{a} 至 {b}）；",
    "output_padding (0 ..": "output_padding（0 ..",
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
    # @@LIBRARY@@
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
