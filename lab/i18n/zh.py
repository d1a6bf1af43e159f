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
