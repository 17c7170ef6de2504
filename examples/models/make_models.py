#!/usr/bin/python3
"""Regenerate the ONNX model fixtures under examples/models/ (deterministic, seeded).

Needs the Debian packages python3-torch (1.13), python3-onnx (1.12) and python3-sklearn (1.2):

    apt-get install -y python3-torch python3-onnx python3-sklearn
    /usr/bin/python3 examples/models/make_models.py

Everything is trained on CPU with one thread and fixed seeds, so two runs on the same package
versions give the same weights. The Java tests only read the files this script writes; they
never run Python.

Data: sklearn's bundled 8x8 digits (1797 images, pixel values 0..16), scaled to [0, 1] by /16.
A seeded permutation splits it into 1347 training and 450 test images; accuracy is measured on
the 450, and the first 50 of them are written to test_inputs.json together with the labels the
PyTorch model predicts (the Java importer must agree with these, not with the ground truth).
"""
import json
import os
import sys

import numpy as np
import onnx
import sklearn
import torch
import torch.nn as nn
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
OPSET = 13
SEED = 20261121
N_TEST_INPUTS = 50

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)


def load_data():
    digits = load_digits()
    x = (digits.data / 16.0).astype(np.float32)  # k/16 is exact in float32
    y = digits.target.astype(np.int64)
    perm = np.random.RandomState(SEED).permutation(len(x))
    n_train = 1347
    tr, te = perm[:n_train], perm[n_train:]
    return x[tr], y[tr], x[te], y[te]


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(64, 32)
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(32, 10)

    def forward(self, x):
        return self.fc2(self.relu(self.fc1(x)))


class Cnn(nn.Module):
    """Conv(1->4, 3x3, pad 1) + ReLU + AvgPool 2x2 + Flatten + Gemm(64 -> 10)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, kernel_size=3, padding=1)
        self.relu = nn.ReLU()
        self.pool = nn.AvgPool2d(2)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(64, 10)

    def forward(self, x):
        return self.fc(self.flatten(self.pool(self.relu(self.conv(x)))))


class BnMaxPool(nn.Module):
    """Conv(1->6, 3x3, no pad) + ReLU + MaxPool 2x2 + BatchNorm + Reshape + Gemm(54 -> 10).

    BatchNorm sits after the pool (not right after the conv) so the exporter cannot fold it
    into the convolution: the ONNX file keeps a BatchNormalization node. The flatten is a
    view(-1, 54), which exports as Reshape with an int64 shape tensor.
    """

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 6, kernel_size=3)
        self.relu = nn.ReLU()
        self.pool = nn.MaxPool2d(2)
        self.bn = nn.BatchNorm2d(6)
        self.fc = nn.Linear(54, 10)

    def forward(self, x):
        x = self.bn(self.pool(self.relu(self.conv(x))))
        return self.fc(x.view(-1, 54))


class Logistic(nn.Module):
    """One-vs-rest logistic regression: Gemm + Sigmoid (weights taken from sklearn)."""

    def __init__(self, coef, intercept):
        super().__init__()
        self.linear = nn.Linear(64, 10)
        with torch.no_grad():
            self.linear.weight.copy_(torch.from_numpy(coef.astype(np.float32)))
            self.linear.bias.copy_(torch.from_numpy(intercept.astype(np.float32)))
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        return self.sigmoid(self.linear(x))


class GatherModel(nn.Module):
    """Not supported by zkml4j on purpose: index_select exports as an ONNX Gather node."""

    def __init__(self):
        super().__init__()
        self.register_buffer("idx", torch.tensor([0, 2, 4, 6], dtype=torch.int64))
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(torch.index_select(x, 1, self.idx))


def train(model, x, y, epochs, lr, batch=64):
    g = torch.Generator().manual_seed(SEED)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    model.train()
    for _ in range(epochs):
        perm = torch.randperm(len(xt), generator=g)
        for i in range(0, len(xt), batch):
            b = perm[i:i + batch]
            opt.zero_grad()
            loss = loss_fn(model(xt[b]), yt[b])
            loss.backward()
            opt.step()
    model.eval()


def predict(model, x):
    with torch.no_grad():
        return model(torch.from_numpy(x)).numpy()


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float32).reshape(-1)]


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))
        f.write("\n")


def export(name, model, input_shape, x_te, y_te, description, training, ops_required):
    out_dir = os.path.join(HERE, name)
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "model.onnx")
    dummy = torch.zeros(input_shape, dtype=torch.float32)
    torch.onnx.export(model, dummy, path, opset_version=OPSET, input_names=["input"],
                      output_names=["output"], do_constant_folding=True)
    proto = onnx.load(path)
    onnx.checker.check_model(proto)
    ops = [n.op_type for n in proto.graph.node]
    for op in ops_required:
        assert op in ops, f"{name}: expected an ONNX {op} node, got {ops}"

    xs = x_te.reshape((-1,) + tuple(input_shape[1:]))
    out = predict(model, xs)
    labels = out.argmax(axis=1)
    accuracy = float((labels == y_te).mean())

    write_json(os.path.join(out_dir, "input.json"), {"input": floats(xs[0])})
    write_json(os.path.join(out_dir, "expected_output.json"),
               {"output": floats(out[0]), "label": int(labels[0]), "true_label": int(y_te[0])})
    write_json(os.path.join(out_dir, "test_inputs.json"), {
        "shape": list(input_shape),
        "inputs": [floats(xs[i]) for i in range(N_TEST_INPUTS)],
        "labels": [int(v) for v in labels[:N_TEST_INPUTS]],
        "true_labels": [int(v) for v in y_te[:N_TEST_INPUTS]],
    })
    size = os.path.getsize(path)
    with open(os.path.join(out_dir, "README.md"), "w") as f:
        f.write(f"# {name}\n\n{description}\n\n")
        f.write("## Provenance\n\n")
        f.write("- Data: scikit-learn's bundled 8x8 digits (`sklearn.datasets.load_digits`, 1797 images),"
                " pixels divided by 16; seeded permutation (seed "
                f"{SEED}) into 1347 training and 450 test images.\n")
        f.write(f"- Training: {training}\n")
        f.write(f"- Export: `torch.onnx.export(model, torch.zeros({list(input_shape)}), \"model.onnx\", "
                f"opset_version={OPSET}, input_names=[\"input\"], output_names=[\"output\"], "
                "do_constant_folding=True)`\n")
        f.write(f"- Opset: {OPSET} (ai.onnx); ONNX nodes: {', '.join(ops)}\n")
        f.write(f"- Input shape: {list(input_shape)}; output shape: {[1, int(out.shape[1])]}\n")
        f.write(f"- Test accuracy (450 held-out images): {accuracy * 100:.2f}%\n")
        f.write(f"- Size of model.onnx: {size} bytes\n")
        f.write(f"- Tool versions: torch {torch.__version__}, onnx {onnx.__version__}, "
                f"scikit-learn {sklearn.__version__}, numpy {np.__version__}\n\n")
        f.write("## Files\n\n")
        f.write("- `model.onnx`: the exported model.\n")
        f.write("- `input.json`: `{\"input\": [...]}`, the first test image, flattened row-major.\n")
        f.write("- `expected_output.json`: PyTorch's float outputs for that image, its argmax `label`"
                " and the ground-truth `true_label`.\n")
        f.write(f"- `test_inputs.json`: the first {N_TEST_INPUTS} test images (`inputs`), PyTorch's"
                " predicted `labels` for them and the ground-truth `true_labels`.\n\n")
        f.write("Regenerate with `/usr/bin/python3 examples/models/make_models.py` (see ../README.md).\n")
    print(f"{name}: ops={ops} size={size} accuracy={accuracy:.4f}")


def export_unsupported():
    name = "unsupported_gather"
    out_dir = os.path.join(HERE, name)
    os.makedirs(out_dir, exist_ok=True)
    torch.manual_seed(SEED)
    model = GatherModel().eval()
    path = os.path.join(out_dir, "model.onnx")
    torch.onnx.export(model, torch.zeros([1, 8]), path, opset_version=OPSET, input_names=["input"],
                      output_names=["output"], do_constant_folding=True)
    proto = onnx.load(path)
    onnx.checker.check_model(proto)
    ops = [n.op_type for n in proto.graph.node]
    assert "Gather" in ops, ops
    with open(os.path.join(out_dir, "README.md"), "w") as f:
        f.write(f"# {name}\n\nA negative fixture: `torch.index_select` exports as an ONNX `Gather` node, which"
                " zkml4j does not support. The importer must reject it with an"
                " `UnsupportedOperatorException` naming the op type, the node and the supported ops.\n\n")
        f.write("- Weights: untrained `nn.Linear(4, 2)` (seeded), input shape [1, 8].\n")
        f.write(f"- Export: `torch.onnx.export(..., opset_version={OPSET})`; ONNX nodes: {', '.join(ops)}\n")
        f.write(f"- Tool versions: torch {torch.__version__}, onnx {onnx.__version__}\n")
    print(f"{name}: ops={ops} size={os.path.getsize(path)}")


def main():
    x_tr, y_tr, x_te, y_te = load_data()

    torch.manual_seed(SEED)
    mlp = Mlp()
    train(mlp, x_tr, y_tr, epochs=30, lr=1e-2)
    export("digits_mlp", mlp, [1, 64], x_te, y_te,
           "A 64 -> 32 -> 10 multilayer perceptron with ReLU (two Gemm nodes) on flattened 8x8 digits.",
           "PyTorch, Adam lr 1e-2, cross-entropy, 30 epochs, batch 64, seeded shuffles.", ["Gemm", "Relu"])

    torch.manual_seed(SEED)
    cnn = Cnn()
    train(cnn, x_tr.reshape(-1, 1, 8, 8), y_tr, epochs=30, lr=1e-2)
    export("digits_cnn", cnn, [1, 1, 8, 8], x_te, y_te,
           "A small CNN: Conv 3x3 (1 -> 4 channels, padding 1) + ReLU + AveragePool 2x2 + Flatten + Gemm (64 -> 10).",
           "PyTorch, Adam lr 1e-2, cross-entropy, 30 epochs, batch 64, seeded shuffles.",
           ["Conv", "Relu", "AveragePool", "Flatten", "Gemm"])

    torch.manual_seed(SEED)
    bn = BnMaxPool()
    train(bn, x_tr.reshape(-1, 1, 8, 8), y_tr, epochs=30, lr=1e-2)
    export("digits_bn_maxpool", bn, [1, 1, 8, 8], x_te, y_te,
           "Conv 3x3 (1 -> 6 channels, no padding) + ReLU + MaxPool 2x2 + BatchNormalization + Reshape + Gemm (54 -> 10).",
           "PyTorch, Adam lr 1e-2, cross-entropy, 30 epochs, batch 64, seeded shuffles; BatchNorm running"
           " statistics from training, used in eval mode.",
           ["Conv", "Relu", "MaxPool", "BatchNormalization", "Reshape", "Gemm"])

    clf = LogisticRegression(multi_class="ovr", C=1.0, max_iter=2000, random_state=SEED)
    clf.fit(x_tr, y_tr)
    logistic = Logistic(clf.coef_, clf.intercept_).eval()
    sk_acc = float((clf.predict(x_te) == y_te).mean())
    export("logistic", logistic, [1, 64], x_te, y_te,
           "One-vs-rest logistic regression (Gemm + Sigmoid), fitted by scikit-learn and exported through PyTorch."
           f" scikit-learn's own test accuracy: {sk_acc * 100:.2f}% (the argmax of the sigmoids equals"
           " sklearn's OvR prediction).",
           "scikit-learn `LogisticRegression(multi_class=\"ovr\", C=1.0, max_iter=2000)` (lbfgs);"
           " coef_/intercept_ copied into `torch.nn.Linear(64, 10)` followed by `torch.nn.Sigmoid()`.",
           ["Gemm", "Sigmoid"])

    export_unsupported()


if __name__ == "__main__":
    sys.exit(main())
