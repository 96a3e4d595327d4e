"""The Korean catalog: each English template that helpers pass to ``t()`` → its Korean translation.

Keep every ``{field}`` of the English template. Write plain Korean sentences and keep the course's
technical terms in English inside them, as the lecture does ("learning rate", "cost", "gradient").

House rules of this catalog:
- A checker's message is 합니다체 ("반환값은 …, 기대값은 …입니다"); its hint asks, "…하세요".
  No final period (as in English); sentences inside one line are joined by ": " or ". ".
- No particle whose form depends on the word before it (을/를, 이/가, 은/는, 와/과, 으로/로) right
  after a ``{field}``: its value is unknown. Write "반환값: {value}", "{x}입니다", "{x}에서", "{x}의".
- Figure labels are short nouns. A label that holds Hangul never holds ``$…$`` math (matplotlib would
  draw the Hangul as empty boxes): write ŷ, w₁ or "z" as plain text there instead.
- Words (the same in the notebooks' catalogs, translations/ko/): step → step (a training step; the
  lecture's word, as in optimizer.step()), loop → loop, weight → weight, device → device, learning rate →
  learning rate, target → 정답 (a gate's 0/1) or 목표값 (a number to fit), model → model in a sentence
  about the code and 모델 on a figure, head → 헤드, checker → 채점. A figure label that is one English
  word still needs Hangul (a test asks for it): "학습 step", "step 수".
"""

KOREAN: dict[str, str] = {
    # ------------------------------------------------------------------ checks.py (every checker)
    "hint: {hint}": "힌트: {hint}",
    "{what}: expected a function, got a {kind}": "{what}: 함수가 아니라 {kind} 객체를 받았습니다",
    "pass the function itself, without calling it: no () after its name": (
        "함수를 호출하지 말고 함수 자체를 넘기세요: 이름 뒤에 ()를 붙이지 마세요"
    ),
    "the course's recipe trains in seconds: look for a loop that never ends, or far more steps than needed": (
        "이 과정의 recipe는 몇 초면 학습이 끝납니다: 끝나지 않는 loop나, 필요보다 훨씬 많은 step 수가 있는지 찾아보세요"
    ),
    "look for a loop whose condition never becomes false; stop a running cell with ■ (Interrupt)": (
        "조건이 끝내 거짓이 되지 않는 loop가 있는지 찾아보세요. 실행 중인 셀은 ■ (Interrupt) 버튼으로 멈춥니다"
    ),
    "{what} did not return within {seconds:g} s — an endless loop?": (
        "{what} 실행이 {seconds:g}초 안에 끝나지 않았습니다 — 끝나지 않는 loop가 있을까요?"
    ),
    "{what} raised NotImplementedError: {error}": "{what} 실행 중 NotImplementedError가 발생했습니다: {error}",
    "spell the method `def forward(self, x):` and indent it inside the class": (
        "메서드 이름의 철자를 확인하고 클래스 안쪽으로 들여 쓰세요: `def forward(self, x):`"
    ),
    "{what} raised {kind}: {error}": "{what} 실행 중 오류가 발생했습니다: {kind}: {error}",
    "fix the error, then run this cell again": "오류를 고친 다음 이 셀을 다시 실행하세요",
    "not done yet": "아직 풀지 않았습니다",
    "replace `raise NotImplementedError()` with your code, then run this cell again": (
        "`raise NotImplementedError()` 자리에 코드를 쓴 다음 이 셀을 다시 실행하세요"
    ),
    "your code did not return within {seconds:g} s — an endless loop?": (
        "코드가 {seconds:g}초 안에 끝나지 않았습니다 — 끝나지 않는 loop가 있을까요?"
    ),
    "your answer could not be checked: {kind}: {error}": "답을 확인할 수 없습니다: {kind}: {error}",
    "return what the exercise asks for (see its docstring), then run this cell again": (
        "연습 문제가 요구하는 것을 반환한 다음(docstring 참고) 이 셀을 다시 실행하세요"
    ),
    "the exercise": "연습 문제",
    "{icon} {name}: skipped until the checker above says ✅": "{icon} {name}: 위 채점 결과가 ✅일 때까지 건너뜁니다",
    "not done yet: solve it above, then run this cell again": (
        "아직 풀지 않았습니다: 위에서 문제를 푼 다음 이 셀을 다시 실행하세요"
    ),
    "None — is the `return` missing?": "None — `return`이 빠졌나요?",
    # ------------------------------------------------------------------ perceptron_checks.py (notebook 01)
    "returned {value}": "반환값: {value}",
    "return three numbers: return (w1, w2, b)": "세 수를 반환하세요: return (w1, w2, b)",
    "every weight must be a finite number": "모든 weight는 유한한 수여야 합니다",
    "(w1, w2, b) = {weights} gives NAND's truth table {table}": (
        "(w1, w2, b) = {weights}이면 출력이 NAND의 진리표 {table}입니다"
    ),
    "{weights} computes AND {and_}, not NAND {nand}": "{weights}의 출력은 AND {and_}입니다 (NAND는 {nand})",
    "NAND = NOT AND: flip the sign of both weights and of b": "NAND = NOT AND: 두 weight와 b의 부호를 모두 바꾸세요",
    "input ({x1}, {x2}) gives {got}, expected {want}": "입력 ({x1}, {x2})의 출력은 {got}, 기대값은 {want}입니다",
    "for ({x1}, {x2}) you need w1·{x1} + w2·{x2} + b {need}": (
        "입력 ({x1}, {x2})에서는 w1·{x1} + w2·{x2} + b {need}이어야 합니다"
    ),
    "{call} returned {value}, expected 0 or 1": "{call}의 반환값이 0 또는 1이 아닙니다: {value}",
    "return the output perceptron's value, a single 0 or 1": "출력 perceptron의 값, 즉 0 또는 1 하나를 반환하세요",
    "pass the output layer's weighted sum through the step: perceptron(h1, h2, w1, w2, b)": (
        "출력층의 가중합을 step function에 넣으세요: perceptron(h1, h2, w1, w2, b)"
    ),
    "all 4 inputs right: {table}": "입력 4개 모두 맞습니다: {table}",
    "your table {table} is XOR, not XNOR {xnor}": "만든 진리표 {table}: XOR입니다 (XNOR는 {xnor})",
    "XNOR is 1 when the inputs are EQUAL: it is NOT XOR": "XNOR는 두 입력이 같을 때 1입니다: XOR와 정반대입니다",
    "{call} returned {got}, expected {want}": "{call}의 반환값은 {got}, 기대값은 {want}입니다",
    "one recipe: hidden h1 = AND(x1, x2), h2 = NOR(x1, x2), output = OR(h1, h2)": (
        "한 가지 방법: 은닉층 h1 = AND(x1, x2), h2 = NOR(x1, x2), 출력 = OR(h1, h2)"
    ),
    # ------------------------------------------------------------------ descent_checks.py (notebook 02)
    "{call} returned {value}, expected a pair of numbers": "{call}의 반환값이 두 수의 쌍이 아닙니다: {value}",
    "{call} returned {pair}": "{call}의 반환값: {pair}",
    "a NaN or inf usually means an overflow: check the formula, not the learning rate": (
        "NaN이나 inf는 보통 오버플로가 났다는 뜻입니다: learning rate가 아니라 식을 확인하세요"
    ),
    "the order is (∂cost/∂a, ∂cost/∂b)": "순서는 (∂cost/∂a, ∂cost/∂b)입니다",
    "the sign is flipped: the error is ŷ − y = a·x + b − y, not y − ŷ": (
        "부호가 반대입니다: 오차는 ŷ − y = a·x + b − y입니다 (y − ŷ 아님)"
    ),
    "differentiating the square (…)² brings down a factor 2": "제곱 (…)²을 미분하면 앞에 2가 곱해집니다",
    "∂cost/∂a has one more factor x than ∂cost/∂b: Σ 2·(a·x + b − y)·x": (
        "∂cost/∂a에는 ∂cost/∂b보다 x가 한 번 더 곱해집니다: Σ 2·(a·x + b − y)·x"
    ),
    "∂cost/∂a = Σ 2·(a·x + b − y)·x and ∂cost/∂b = Σ 2·(a·x + b − y), summed over all points": (
        "모든 점에 대해 더하세요: ∂cost/∂a = Σ 2·(a·x + b − y)·x, ∂cost/∂b = Σ 2·(a·x + b − y)"
    ),
    "return the two derivatives: return dcost_da, dcost_db": "두 미분값을 반환하세요: return dcost_da, dcost_db",
    "{call} returned {got}, expected {expected} (numerical derivative)": (
        "{call}의 반환값은 {got}, 기대값은 {expected}입니다 (수치 미분)"
    ),
    "matches the numerical derivative in all {n} cases": "{n}가지 경우 모두 수치 미분과 일치합니다",
    "step against the gradient: subtract lr·∂cost/∂a, don't add it": (
        "gradient의 반대 방향으로 움직이세요: lr·∂cost/∂a를 더하지 말고 빼세요"
    ),
    "a moves by its own derivative, a − lr·∂cost/∂a (the lecture's slide writes a − α·b': a slip)": (
        "a는 자신의 미분값으로 움직입니다: a − lr·∂cost/∂a (강의 슬라이드의 a − α·b'는 오타입니다)"
    ),
    "return the new (a, b), not the gradient": "gradient가 아니라 새 (a, b)를 반환하세요",
    "return the new a = a − lr·∂cost/∂a, not only the change −lr·∂cost/∂a": (
        "변화량 −lr·∂cost/∂a만이 아니라 새 a = a − lr·∂cost/∂a를 반환하세요"
    ),
    "compute both derivatives at the old (a, b) before changing either parameter": (
        "parameter를 바꾸기 전에, 원래 (a, b)에서 두 미분값을 모두 계산하세요"
    ),
    "new a = a − lr·∂cost/∂a and new b = b − lr·∂cost/∂b, both derivatives taken at the old (a, b)": (
        "새 a = a − lr·∂cost/∂a, 새 b = b − lr·∂cost/∂b이고, 두 미분값은 모두 원래 (a, b)에서 계산합니다"
    ),
    "return the new a and the new b: return a - lr * dcost_da, b - lr * dcost_db": (
        "새 a와 새 b를 반환하세요: return a - lr * dcost_da, b - lr * dcost_db"
    ),
    "{call} returned {got}, expected {expected}": "{call}의 반환값은 {got}, 기대값은 {expected}입니다",
    "all {n} steps right, including the lecture's first step to (0.2, 0.038)": (
        "step {n}개 모두 맞습니다 (강의의 첫 step (0.2, 0.038) 포함)"
    ),
    # ------------------------------------------------------------------ backprop_checks.py (notebook 03)
    "∂h1/∂b1 is ReLU's slope: 1 where z1 = w11·x1 + w21·x2 + b1 > 0, else 0": (
        "∂h1/∂b1은 ReLU의 미분값입니다: z1 = w11·x1 + w21·x2 + b1 > 0인 곳에서 1, 아니면 0"
    ),
    "that is the lecture's garbled formula; h1 = ReLU(z1) is not a square, so ∂h1/∂b1 is 1 where z1 > 0, else 0": (
        "강의 슬라이드의 잘못된 식입니다. h1 = ReLU(z1)은 제곱이 아니므로 ∂h1/∂b1은 z1 > 0인 곳에서 1, 아니면 0입니다"
    ),
    "multiply per data point, then sum: Σᵢ ∂cost/∂h1ᵢ · ∂h1ᵢ/∂b1": (
        "데이터 점마다 곱한 다음 더하세요: Σᵢ ∂cost/∂h1ᵢ · ∂h1ᵢ/∂b1"
    ),
    "check the sign: the error is ŷᵢ − yᵢ, prediction minus target": (
        "부호를 확인하세요: 오차는 ŷᵢ − yᵢ, 즉 예측값 빼기 목표값입니다"
    ),
    "the derivative of (ŷᵢ − yᵢ)² is 2(ŷᵢ − yᵢ): keep the factor 2": (
        "(ŷᵢ − yᵢ)²의 미분은 2(ŷᵢ − yᵢ)입니다: 앞의 2를 빠뜨리지 마세요"
    ),
    "∂ŷ/∂h1 = w1: multiply by w1": "∂ŷ/∂h1 = w1입니다: w1을 곱하세요",
    "with b1 = {b1}": "(b1 = {b1}일 때)",
    "returned an array of shape {shape}, expected one number": (
        "반환값이 수 하나가 아니라 shape이 {shape}인 배열입니다"
    ),
    "sum over the data points, e.g. np.sum(...)": "데이터 점들에 대해 더하세요. 예: np.sum(...)",
    "returned {value}, expected one number": "반환값이 수 하나가 아닙니다: {value}",
    "return a single float": "float 하나를 반환하세요",
    "returned {value} {where}": "반환값: {value} {where}",
    "a NaN or inf usually means an overflow or a division by zero": (
        "NaN이나 inf는 보통 오버플로나 0으로 나누기 때문에 생깁니다"
    ),
    "∂cost/∂b1 = Σᵢ 2(ŷᵢ − yᵢ) · w1 · [z1ᵢ > 0]: multiply per data point, then sum": (
        "∂cost/∂b1 = Σᵢ 2(ŷᵢ − yᵢ) · w1 · [z1ᵢ > 0]: 데이터 점마다 곱한 다음 더하세요"
    ),
    "returned {value} {where}, the numerical gradient is {expected}": (
        "반환값은 {value}, 수치 gradient는 {expected}입니다 {where}"
    ),
    "matches the numerical gradient on all 5 data sets (one with h1 dead)": (
        "데이터 세트 5개 모두에서 수치 gradient와 일치합니다 (그중 하나는 h1이 죽은 경우)"
    ),
    "expected the Value class, got a {kind}": "Value 클래스가 아니라 {kind} 객체를 받았습니다",
    "pass the class itself: check_value_mul(Value)": "클래스 자체를 넘기세요: check_value_mul(Value)",
    "{label} with {values}": "{label} ({values}일 때)",
    "{where}: .grad holds {grads}, expected numbers": "{where}: .grad의 값이 숫자가 아닙니다: {grads}",
    "add plain numbers to self.grad and other.grad (use .data, not the Value itself)": (
        "self.grad와 other.grad에는 Value가 아닌 일반 숫자를 더하세요 (Value 자체 대신 .data를 쓰세요)"
    ),
    "{where}: gradients {grads}": "{where}: 계산한 gradient {grads}",
    "{where}: gradients {grads}, the numerical gradients are {expected}": (
        "{where}: gradient는 {grads}, 수치 gradient는 {expected}입니다"
    ),
    "gradients match finite differences in all {n} expressions": "식 {n}개 모두에서 gradient가 유한 차분과 일치합니다",
    "swap them: ∂(a·b)/∂a = b and ∂(a·b)/∂b = a — each input's gradient is the OTHER input's value": (
        "서로 바꾸세요: ∂(a·b)/∂a = b, ∂(a·b)/∂b = a — 각 입력의 gradient는 다른 쪽 입력의 값입니다"
    ),
    "multiply by out.grad, the gradient that reached the product (chain rule)": (
        "곱셈 결과까지 전해진 gradient인 out.grad를 곱하세요 (연쇄 법칙)"
    ),
    "use += so that a Value used twice collects both contributions (here 2a)": (
        "+=로 더하세요: 두 번 쓰인 Value는 두 기여를 모두 모아야 합니다 (여기서는 2a)"
    ),
    "self.grad += other.data * out.grad and other.grad += self.data * out.grad": (
        "이렇게 쓰세요: self.grad += other.data * out.grad, other.grad += self.data * out.grad"
    ),
    # ------------------------------------------------------------------ pytorch_checks.py (notebook 04)
    "returned a {kind}, expected an nn.Sequential": "반환값이 nn.Sequential이 아니라 {kind} 객체입니다",
    "return nn.Sequential(nn.Linear(1, 256), nn.ReLU(), ...).to(device)": (
        "nn.Sequential(nn.Linear(1, 256), nn.ReLU(), ...).to(device)를 반환하세요"
    ),
    "layers are {found}, expected {expected}": "layer 구성이 {found}입니다. 기대한 구성: {expected}",
    "empty": "빈 Sequential",
    "five layers in this order: Linear, ReLU, Linear, ReLU, Linear": (
        "layer 다섯 개를 이 순서로 쌓으세요: Linear, ReLU, Linear, ReLU, Linear"
    ),
    "layer {index} is {found}, expected Linear({a}, {b})": (
        "{index}번 layer는 {found}입니다. Linear({a}, {b})이어야 합니다"
    ),
    "nn.Linear(a, b) takes a inputs and gives b outputs: each a is the previous layer's b": (
        "nn.Linear(a, b)는 입력 a개를 받아 출력 b개를 냅니다: 각 layer의 a는 바로 앞 layer의 b와 같아야 합니다"
    ),
    "the model has {count} parameters, expected {expected}": (
        "model의 parameter 수는 {count}, 기대값은 {expected}입니다"
    ),
    "keep every layer's bias (bias=True is nn.Linear's default)": (
        "모든 layer의 bias를 그대로 두세요 (nn.Linear의 기본값은 bias=True입니다)"
    ),
    "parameters {names} are frozen (requires_grad=False)": "고정된 parameter가 있습니다: {names} (requires_grad=False)",
    "an optimizer never changes a frozen parameter: leave requires_grad as nn.Linear sets it": (
        "optimizer는 고정된 parameter를 바꾸지 못합니다: requires_grad는 nn.Linear가 정한 대로 두세요"
    ),
    "parameters are {dtypes}, expected float32": "parameter의 dtype이 {dtypes}입니다. float32여야 합니다",
    "keep PyTorch's default float32: no .double(), .half() or dtype= when building the model": (
        "PyTorch의 기본값 float32를 쓰세요: model을 만들 때 .double(), .half(), dtype=를 쓰지 마세요"
    ),
    "parameters are on {found}, expected {device}": "parameter가 {found}에 있습니다. {device}에 있어야 합니다",
    "end with .to(device)": "마지막에 .to(device)를 붙이세요",
    "model(x) on a (7, 1) batch": "(7, 1) batch에 대한 model(x)",
    "model(x) on a (7, 1) batch gave {shape}, expected (7, 1)": (
        "(7, 1) batch에 대한 model(x)의 shape이 {shape}입니다. (7, 1)이어야 합니다"
    ),
    "the last layer must be Linear(256, 1)": "마지막 layer는 Linear(256, 1)이어야 합니다",
    "model(x) gave NaN or inf": "model(x)의 출력에 NaN이나 inf가 있습니다",
    "build a fresh model; do not change its weights": "새 model을 만드세요. weight는 바꾸지 마세요",
    "model(x) is not what its Linear and ReLU layers compute": (
        "model(x)의 출력이 Linear와 ReLU layer로 계산한 값과 다릅니다"
    ),
    "use nn.Linear and nn.ReLU themselves, not subclasses that change forward": (
        "forward를 바꾼 하위 클래스 말고 nn.Linear와 nn.ReLU 자체를 쓰세요"
    ),
    "{found}, {count} parameters": "{found}, parameter {count}개",
    "call {k}: train_step(model, optimizer, X, y)": "{k}번째 호출: train_step(model, optimizer, X, y)",
    "call {k} changed {which} in place": "{k}번째 호출에서 {which} 자체가 바뀌었습니다 (in place)",
    "compute the cost from model(X) and y without changing them: no y -= …, y.sub_(…) or X[...] = …": (
        "model(X)와 y는 바꾸지 말고 cost만 계산하세요: y -= …, y.sub_(…), X[...] = … 같은 코드는 쓰지 마세요"
    ),
    "call {k} left NaN or inf in the parameters": "{k}번째 호출 뒤 parameter에 NaN이나 inf가 생겼습니다",
    "the cost is ((model(X) - y) ** 2).sum()": "cost는 ((model(X) - y) ** 2).sum()입니다",
    "call {k} changed the parameters without optimizer.step() of the optimizer passed in": (
        "{k}번째 호출이 인자로 받은 optimizer의 optimizer.step() 없이 parameter를 바꿨습니다"
    ),
    "use the `optimizer` argument; do not build a new optimizer inside train_step": (
        "인자 `optimizer`를 쓰세요. train_step 안에서 새 optimizer를 만들지 마세요"
    ),
    "call {k} changed the parameters by the wrong amount": "{k}번째 호출이 parameter를 잘못된 양만큼 바꿨습니다",
    "returned a tensor, expected a float": "반환값이 float가 아니라 tensor입니다",
    "return cost.item()": "cost.item()을 반환하세요",
    "returned {value}, expected the cost as a float": "반환값이 float인 cost가 아닙니다: {value}",
    "end with: return cost.item()": "마지막 줄에 return cost.item()을 쓰세요",
    "return the cost computed in this step: cost.item()": "이번 step에서 계산한 cost를 반환하세요: cost.item()",
    "call {k} returned {value}, expected {expected}": "{k}번째 호출의 반환값은 {value}, 기대값은 {expected}입니다",
    "return the cost computed before optimizer.step(): cost.item()": (
        "optimizer.step() 전에 계산한 cost를 반환하세요: cost.item()"
    ),
    "{calls} calls each did zero_grad → backward → step and returned the cost": (
        "{calls}번의 호출 모두 zero_grad → backward → step을 하고 cost를 반환했습니다"
    ),
    "optimizer.step() found no gradients: call zero_grad before backward, not between backward and step": (
        "optimizer.step()에 쓸 gradient가 없습니다: zero_grad는 backward와 step 사이가 아니라 backward 전에 부르세요"
    ),
    "nothing moved: zero_grad before backward, step after it, on the model and optimizer passed in": (
        "parameter가 그대로입니다: 인자로 받은 model과 optimizer로, backward 전에 zero_grad, 그 뒤에 step을 부르세요"
    ),
    "the parameters went uphill: minimise ((model(X) - y) ** 2).sum(), do not negate it": (
        "parameter가 cost를 키우는 쪽으로 움직였습니다: ((model(X) - y) ** 2).sum()에 − 부호를 붙이지 말고 최소화하세요"
    ),
    "the step is N times too small: use .sum() of the squared errors, not .mean()": (
        "step이 N배 작습니다: 오차 제곱의 .mean()이 아니라 .sum()을 쓰세요"
    ),
    "gradients piled up across calls: call optimizer.zero_grad() before cost.backward()": (
        "호출할 때마다 gradient가 쌓였습니다: cost.backward() 전에 optimizer.zero_grad()를 부르세요"
    ),
    "one call = optimizer.zero_grad(); cost.backward(); optimizer.step() with cost = ((model(X) - y) ** 2).sum()": (
        "한 번의 호출 = optimizer.zero_grad(); cost.backward(); optimizer.step(), cost = ((model(X) - y) ** 2).sum()"
    ),
    # ------------------------------------------------------------------ fit_checks.py (notebook 05)
    "x = −100, −99, …, 100": "x = −100, −99, …, 100",
    "201 points of [−10, 10]": "[−10, 10]의 점 201개",
    "1000 held-out pairs": "학습에 쓰지 않은 쌍 1000개",
    "there is no model yet": "아직 model이 없습니다",
    "nothing to measure: {reason} (see the checker above)": "측정할 것이 없습니다: {reason} (위 채점 결과 참고)",
    "end forward with `return self.max_layer(out), self.min_layer(out)`": (
        "forward를 `return self.max_layer(out), self.min_layer(out)` 줄로 끝내세요"
    ),
    "model(x) returned a {kind} of {n}, expected one tensor": (
        "model(x)의 반환값이 tensor 하나가 아니라 원소 {n}개짜리 {kind} 객체입니다"
    ),
    "return the last layer's output itself": "마지막 layer의 출력 자체를 반환하세요",
    "model(X) returned one tensor of shape {shape}, expected two: (max, min)": (
        "model(X)의 반환값이 (max, min) 두 개가 아니라 shape이 {shape}인 tensor 하나입니다"
    ),
    "model(X) returned {value}, expected a pair (max, min)": "model(X)의 반환값이 (max, min) 쌍이 아닙니다: {value}",
    "the model returned a {kind}, expected a tensor of shape ({n}, 1)": (
        "model의 반환값이 shape ({n}, 1)인 tensor가 아니라 {kind} 객체입니다"
    ),
    "return the network's output tensor (no .tolist(), .item() or .numpy())": (
        "신경망의 출력 tensor를 그대로 반환하세요 (.tolist(), .item(), .numpy() 없이)"
    ),
    "keep the column: an (N,) output minus (N, 1) targets broadcasts to an (N, N) cost": (
        "열 차원을 유지하세요: (N,) 출력에서 (N, 1) 목표값을 빼면 broadcasting으로 (N, N) cost가 됩니다"
    ),
    "the last layer should be Linear(256, 1)": "마지막 layer는 Linear(256, 1)이어야 합니다",
    "the model returned shape {shape}, expected ({n}, 1)": "model 출력의 shape은 {shape}, 기대값은 ({n}, 1)입니다",
    "expected a trained model, got {value}": "받은 값이 학습된 model이 아닙니다: {value}",
    "return the trained model (an nn.Module), not its class or its state_dict": (
        "클래스나 state_dict가 아니라 학습된 model (nn.Module)을 반환하세요"
    ),
    "the model is on {found} but the data is on {device}": "model은 {found}에, 데이터는 {device}에 있습니다",
    "move the model with model.to(device) before training it": "학습하기 전에 model.to(device)로 model을 옮기세요",
    "model(x) on a ({n}, {d}) tensor": "({n}, {d}) tensor에 대한 model(x)",
    "put the model and the data on the same device: model.to(device)": (
        "model과 데이터를 같은 device에 두세요: model.to(device)"
    ),
    "the costs are None": "costs가 None입니다",
    "fit must end with `return costs`, the list of cost.item() per step": (
        "fit은 `return costs`로 끝나야 합니다 (step마다 cost.item()을 모은 list)"
    ),
    "the costs are tensors that keep their computation graphs": "costs의 원소가 계산 그래프가 붙은 tensor입니다",
    "append cost.item(), a plain float, not the cost tensor": (
        "cost tensor가 아니라 일반 float인 cost.item()을 list에 추가하세요"
    ),
    "the costs are {value}, expected a list of numbers, one per step": (
        "costs가 step마다 수 하나씩 담긴 list가 아닙니다: {value}"
    ),
    "append cost.item() to a list at every step and return that list": (
        "step마다 cost.item()을 list에 추가하고 그 list를 반환하세요"
    ),
    "the learning rate (lr = {lr}) is too large: lower it, e.g. 10 times": (
        "learning rate가 너무 큽니다 (lr = {lr}): 예를 들어 10배 줄이세요"
    ),
    "the learning rate is too large: lower it, e.g. 10 times": "learning rate가 너무 큽니다: 예를 들어 10배 줄이세요",
    "the cost became NaN or inf during training": "학습 중 cost가 NaN이나 inf가 되었습니다",
    "the cost exploded from {first} to {worst} during training": "학습 중 cost가 {first}에서 {worst}까지 치솟았습니다",
    "wrap the trained net: Scaled(net, {xs}, {ys}) takes raw x and returns raw y": (
        "학습한 net을 감싸세요: Scaled(net, {xs}, {ys})는 원래 x를 받아 원래 y를 돌려줍니다"
    ),
    "x / {xs} in, y / {ys} out": "입력 x / {xs}, 출력 y / {ys}",
    "x / {xs} in": "입력 x / {xs}",
    "y / {ys} out": "출력 y / {ys}",
    "multiply the output by {ys}, or better {wrap}": "출력을 {ys}배 하세요. 더 나은 방법: {wrap}",
    "the net inside was trained on raw x and y, but is wrapped to expect x / {xs} and y / {ys}": (
        "안쪽 net은 원래 x, y로 학습되었는데, 바깥의 Scaled는 x / {xs}, y / {ys} 기준으로 감쌌습니다"
    ),
    "train it on the scaled numbers the wrapper expects: fit(net, …, x_scale={xs}, y_scale={ys})": (
        "Scaled가 기대하는, 크기를 바꾼 수로 학습하세요: fit(net, …, x_scale={xs}, y_scale={ys})"
    ),
    "the heads are swapped: the first returns the min, the second the max": (
        "두 헤드가 뒤바뀌었습니다: 첫 번째가 min, 두 번째가 max를 반환합니다"
    ),
    "return (max, min), and train the first head on max(x1, x2)": (
        "(max, min) 순서로 반환하고, 첫 번째 헤드는 max(x1, x2)로 학습하세요"
    ),
    "both heads predict the minimum": "두 헤드 모두 최솟값을 예측합니다",
    "the lecture's listing overwrites the max labels with the min labels: train the first head on max(x1, x2)": (
        "강의 코드는 max 목표값을 min 목표값으로 덮어씁니다: 첫 번째 헤드는 max(x1, x2)로 학습하세요"
    ),
    "both heads predict the maximum": "두 헤드 모두 최댓값을 예측합니다",
    "train the second head on min(x1, x2)": "두 번째 헤드는 min(x1, x2)로 학습하세요",
    "the model is right only on rescaled numbers ({how})": "model이 크기를 바꾼 수에서만 맞습니다 ({how})",
    "the predictions are far off everywhere, and {solve}() never ran optimizer.step()": (
        "예측이 모든 곳에서 크게 틀렸고, {solve}()에서 optimizer.step()이 한 번도 실행되지 않았습니다"
    ),
    "does the loop call optimizer.step() after cost.backward()?": (
        "loop가 cost.backward() 다음에 optimizer.step()을 부르나요?"
    ),
    "optimizer.step() ran, but on parameters that are not the returned model's": (
        "optimizer.step()은 실행되었지만, 반환한 model이 아닌 다른 parameter를 바꿨습니다"
    ),
    "build the optimizer from the net you train and return: torch.optim.Adam(net.parameters(), lr=lr)": (
        "학습하고 반환하는 바로 그 net으로 optimizer를 만드세요: torch.optim.Adam(net.parameters(), lr=lr)"
    ),
    "the model predicts about the same value everywhere, the mean of the targets": (
        "model이 어디서나 거의 같은 값, 즉 목표값의 평균을 예측합니다"
    ),
    "in the cost, net(x) and y must both be (N, 1): (N,) minus (N, 1) broadcasts to (N, N) and trains the net "
    "towards the mean (no .squeeze(), .flatten() or [:, 0])": (
        "cost에서 net(x)와 y는 둘 다 (N, 1)이어야 합니다: (N,)에서 (N, 1)을 빼면 broadcasting으로 (N, N)이 되어 "
        "net이 평균 쪽으로 학습됩니다 (.squeeze(), .flatten(), [:, 0] 없이)"
    ),
    "the predictions are far off everywhere": "예측이 모든 곳에서 크게 틀렸습니다",
    "check the cost, ((net(x / x_scale) - y / y_scale) ** 2).mean(), and that fit trains the net you return": (
        "cost가 ((net(x / x_scale) - y / y_scale) ** 2).mean()인지, fit이 반환하는 바로 그 net을 학습하는지 확인하세요"
    ),
    "{solve}() returned {value}, expected (model, costs)": "{solve}()의 반환값이 (model, costs)가 아닙니다: {value}",
    "end with `return model, costs`": "마지막 줄에 `return model, costs`를 쓰세요",
    "max |error|": "최대 |오차|",
    "mean |error|": "평균 |오차|",
    "max head": "max 헤드",
    "min head": "min 헤드",
    "{unit} {detail} ≤ {target} on {where}": "{where}에서 {unit} {detail} ≤ {target}",
    "the model returns NaN or inf": "model이 NaN이나 inf를 반환합니다",
    "training diverged: lower lr, use the mean cost, and scale the inputs and targets": (
        "학습이 발산했습니다: lr을 낮추고, 평균 cost를 쓰고, 입력과 목표값의 크기를 줄이세요"
    ),
    "{unit} {error} on {where}, target ≤ {target}": "{where}에서 {unit} {error}, 목표는 {target} 이하입니다",
    "train longer, or use the course's recipe: scaled numbers, mean cost, cosine decay": (
        "더 오래 학습하거나 이 과정의 recipe를 쓰세요: 크기를 줄인 수, 평균 cost, learning rate의 cosine 감쇠"
    ),
    "needs the trained sin model: exercise 2 above is not done yet": (
        "학습된 sin model이 필요합니다: 위의 연습 문제 2를 아직 풀지 않았습니다"
    ),
    "run this cell again once check_sin says ✅": "check_sin 결과가 ✅가 되면 이 셀을 다시 실행하세요",
    "no file at {path} after save_and_load": "save_and_load 뒤에 {path}에 파일이 없습니다",
    "save with torch.save(model.state_dict(), path)": "torch.save(model.state_dict(), path)로 저장하세요",
    "the file cannot be loaded with torch.load(path, weights_only=True): it holds pickled objects": (
        "torch.load(path, weights_only=True)로 파일을 불러올 수 없습니다: pickle된 객체가 들어 있습니다"
    ),
    "save the weights only: torch.save(model.state_dict(), path), not torch.save(model, path)": (
        "weight만 저장하세요: torch.save(model, path)가 아니라 torch.save(model.state_dict(), path)"
    ),
    "the file does not hold the trained model's state_dict": "파일에 학습된 model의 state_dict가 없습니다",
    "save the model passed in: torch.save(model.state_dict(), path)": (
        "인자로 받은 model을 저장하세요: torch.save(model.state_dict(), path)"
    ),
    "returned a {kind}: a state_dict, not a model": "반환값이 model이 아니라 {kind} 객체, 즉 state_dict입니다",
    "load it into a fresh model and return that model": "새 model에 불러온 다음 그 model을 반환하세요",
    "returned {value}, expected the fresh model": "반환값이 새 model이 아닙니다: {value}",
    "return the fresh model after load_state_dict": "load_state_dict 뒤에 새 model을 반환하세요",
    "the returned model shares its weights with the trained one": "반환한 model이 학습된 model과 weight를 공유합니다",
    "build a fresh model (e.g. Scaled(SinNet(), 10, 1)) and load the file into it": (
        "새 model을 만들고 (예: Scaled(SinNet(), 10, 1)) 파일을 거기에 불러오세요"
    ),
    "the loaded model's parameters are {dtypes}, the trained model's are not": (
        "불러온 model의 parameter dtype은 {dtypes}인데, 학습된 model은 그렇지 않습니다"
    ),
    "build the fresh model exactly like the trained one: no .double() or .half()": (
        "새 model을 학습된 model과 똑같이 만드세요: .double()이나 .half() 없이"
    ),
    "the returned model does not hold the weights in the file": "반환한 model에 파일의 weight가 들어 있지 않습니다",
    "return the fresh model you loaded the file into": "파일을 불러온 그 새 model을 반환하세요",
    "the loaded model's outputs differ from the trained model's": (
        "불러온 model의 출력이 학습된 model의 출력과 다릅니다"
    ),
    "load the file you saved, into a model of the same class and scales": (
        "저장한 파일을 클래스와 scale이 같은 model에 불러오세요"
    ),
    "save_and_load never called torch.load": "save_and_load가 torch.load를 한 번도 부르지 않았습니다",
    "load the file: torch.load(path, weights_only=True)": "파일을 불러오세요: torch.load(path, weights_only=True)",
    "torch.load was called without weights_only=True": "torch.load를 weights_only=True 없이 불렀습니다",
    "a checkpoint is a pickle that can run code: load with torch.load(path, weights_only=True)": (
        "체크포인트는 코드를 실행할 수도 있는 pickle입니다: torch.load(path, weights_only=True)로 불러오세요"
    ),
    "{file} saved and loaded: identical outputs (torch.equal) on {n} points": (
        "{file}: 저장하고 다시 불러왔습니다. 점 {n}개에서 출력이 똑같습니다 (torch.equal)"
    ),
    # ------------------------------------------------------------------ plotting.py (every notebook's figures)
    "Perceptron decision line": "Perceptron의 결정 경계",
    "target {label}": "정답 {label}",
    "data": "데이터",
    "truth": "실제 값",
    "model": "모델",
    "Model vs truth": "모델과 실제 값",
    "cost": "cost 값",
    "step": "학습 step",
    "Cost per step": "step별 cost",
    "descent path": "하강 경로",
    "start": "시작점",
    "Cost over (a, b)": "(a, b)에 따른 cost",
    # ------------------------------------------------------------- perceptron_plots.py, perceptron_explorer.py (01)
    "$\\hat y = 1$ side": "ŷ = 1인 쪽",
    "line $z = 0$": "직선 z = 0",
    "wrong": "틀린 점",
    "network $\\hat y = 1$": "신경망 출력 ŷ = 1",
    "{name} line": "{name} 직선",
    "Two-layer perceptron": "2층 perceptron",
    "target $y$": "정답 y",
    "right": "맞음",
    "WRONG": "틀림",
    "The four predictions ({gate} targets)": "네 입력의 예측 (정답: {gate})",
    "{gate}: {correct}/4 correct": "{gate}: {correct}/4 맞음",
    "gate": "게이트",
    # ------------------------------------------------------------------ descent_plots.py, descent_explorer.py (02)
    "Descent path on the cost contour": "cost 등고선 위의 하강 경로",
    "least squares": "최소제곱 해",
    "descent steps": "하강 step",
    "Gradient descent on a curve": "곡선 위의 경사 하강법",
    "Cost surface": "cost 곡면",
    "Cost per step (above its minimum)": "step별 cost (최솟값과의 차이)",
    "cost − minimum cost": "cost − 최소 cost",
    "above the critical α = {critical:.4g}": "임계 α = {critical:.4g}보다 큼",
    "below the critical α = {critical:.4g}": "임계 α = {critical:.4g}보다 작음",
    "α = {lr:.3g} ({where}): diverged after {steps} steps, a = {a:.3g}, b = {b:.3g}, cost = {cost:.3g}": (
        "α = {lr:.3g} ({where}): {steps} step 뒤 발산, a = {a:.3g}, b = {b:.3g}, cost = {cost:.3g}"
    ),
    "converged": "수렴",
    "still descending": "아직 내려가는 중",
    "α = {lr:.3g}, {steps} steps: a = {a:.6f}, b = {b:.6f}, cost = {cost:.6f} ({state}; least squares: "
    "a = {a_best:.6f}, b = {b_best:.6f}, cost = {best:.6f})": (
        "α = {lr:.3g}, {steps} step: a = {a:.6f}, b = {b:.6f}, cost = {cost:.6f} ({state}; 최소제곱 해: "
        "a = {a_best:.6f}, b = {b_best:.6f}, cost = {best:.6f})"
    ),
    "The run diverged:\nits line (a = {a:.3g}, b = {b:.3g})\nis off the chart": (
        "발산했습니다:\n그래프 밖의 직선\n(a = {a:.3g}, b = {b:.3g})"
    ),
    "The line (a = {a:.3g}, b = {b:.3g})\nis off the chart": "그래프 밖의 직선\n(a = {a:.3g}, b = {b:.3g})",
    "Fitted line after {steps} steps": "{steps} step 뒤의 직선",
    "learning rate α": "learning rate α (학습률)",
    "steps": "step 수",
    # ------------------------------------------------------------------ backprop_plots.py (03)
    "{name}′ (derivative)": "{name}′ (도함수)",
    "$z$ (pre-activation)": "z (활성화 전 값)",
    "value": "값",
    "layer (1 = next to the input)": "layer (1 = 입력 바로 다음)",
    "mean |∂cost/∂W|": "평균 |∂cost/∂W|",
    "Gradient reaching each layer": "각 layer에 도달한 gradient",
    "output = 0.5": "출력 = 0.5",
    "Decision regions": "결정 영역",
    "cost per network": "신경망별 cost",
    "gradient norm": "gradient 크기",
    "largest |weight|": "가장 큰 |weight|",
    "stuck ({n} networks)": "갇힌 신경망 ({n}개)",
    "learned XOR ({n} networks)": "XOR를 학습한 신경망 ({n}개)",
    "step {n}": "{n}번째 step",
    "{h} hidden units: {k} kinks\nmax |error| = {e:.3f}": "hidden unit {h}개: 꺾이는 점 {k}개\n최대 |오차| = {e:.3f}",
    "ReLU network": "ReLU 신경망",
    "kink: a hidden unit switches on or off": "꺾이는 점: hidden unit 하나가 켜지거나 꺼지는 곳",
    # ------------------------------------------------------------------ fit_plots.py, fit_recipes.py (notebook 05)
    "nothing to plot: the exercise above is not done yet (see its checker)": (
        "그릴 것이 없습니다: 위의 연습 문제를 아직 풀지 않았습니다 (위 채점 결과 참고)"
    ),
    "|model − truth|": "|모델 − 실제 값|",
    "Error": "오차",
    "output": "출력",
    "Both heads at x₂ = {x2:g}": "x₂ = {x2:g}일 때 두 헤드",
    "held-out pairs": "쌍의 개수",
    "Error on {n} held-out pairs": "학습에 쓰지 않은 쌍 {n}개의 오차",
    "{label} (nan: diverged, no curve)": "{label} (nan: 발산, 곡선 없음)",
    "Training cost (scaled numbers)": "학습 cost (크기를 줄인 수)",
    "{name} head": "{name} 헤드",
    "Training cost": "학습 cost",
    "target {target:g}": "목표 {target:g}",
    "{scales}; {cost}; {optimizer} lr {lr:g}, {decay}; {num_steps} steps of {batch_size} points": (
        "{scales}; {cost}; {optimizer} lr {lr:g}, {decay}; 점 {batch_size}개씩 {num_steps} step"
    ),
    "raw numbers": "원래 크기의 수",
    "mean cost": "평균 cost",
    "sum cost": "합 cost",
    "cosine decay": "cosine 감쇠",
    "constant lr": "고정 lr",
}
