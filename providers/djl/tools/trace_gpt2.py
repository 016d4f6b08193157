#!/usr/bin/env python3
"""Export a GPT-2 checkpoint directory to TorchScript for Ethos's djl provider.

    python3 trace_gpt2.py /models/gpt2            # writes /models/gpt2/model.pt

Reads config.json and model.safetensors (F32/F16/BF16, names with or without "transformer.")
with nothing but torch, builds GPT-2 with an explicit key/value cache and compiles it with
torch.jit.script. The provider uses model.pt when the directory has no model.safetensors.

The module's contract (all on CPU, batch 1):
    forward(input_ids: int64[1, T], past_keys: f32[L, 1, H, P, D], past_values: f32[L, 1, H, P, D])
        -> (logits: f32[1, T, V], keys: f32[L, 1, H, P+T, D], values: f32[L, 1, H, P+T, D])
with P = 0 for the prompt. It is scripted rather than traced so that one file serves any prompt
and cache length; tracing Hugging Face's GPT2LMHeadModel instead ties the file to the cache API of
one transformers version.
"""
import json
import math
import struct
import sys
from pathlib import Path
from typing import List, Tuple

import torch
from torch import Tensor, nn


def read_safetensors(path: Path):
    data = path.read_bytes()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    base = 8 + n
    dtypes = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16}
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        a, b = t["data_offsets"]
        raw = bytearray(data[base + a: base + b])
        tensor = torch.frombuffer(raw, dtype=dtypes[t["dtype"]]).reshape(t["shape"]).to(torch.float32)
        out[name.removeprefix("transformer.")] = tensor
    return out


class Block(nn.Module):
    def __init__(self, w: dict, p: str, heads: int, eps: float, tanh_gelu: bool):
        super().__init__()
        self.heads = heads
        self.eps = eps
        self.tanh_gelu = tanh_gelu
        for k in ["ln_1.weight", "ln_1.bias", "attn.c_attn.weight", "attn.c_attn.bias", "attn.c_proj.weight",
                  "attn.c_proj.bias", "ln_2.weight", "ln_2.bias", "mlp.c_fc.weight", "mlp.c_fc.bias",
                  "mlp.c_proj.weight", "mlp.c_proj.bias"]:
            self.register_buffer(k.replace(".", "_"), w[p + k].contiguous())

    def forward(self, x: Tensor, past_k: Tensor, past_v: Tensor, mask: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        b, t, d = x.shape
        hd = d // self.heads
        a = torch.layer_norm(x, [d], self.ln_1_weight, self.ln_1_bias, self.eps)
        qkv = a @ self.attn_c_attn_weight + self.attn_c_attn_bias
        q, k, v = qkv.split(d, dim=2)
        q = q.reshape(b, t, self.heads, hd).transpose(1, 2)
        k = torch.cat([past_k, k.reshape(b, t, self.heads, hd).transpose(1, 2)], dim=2)
        v = torch.cat([past_v, v.reshape(b, t, self.heads, hd).transpose(1, 2)], dim=2)
        s = (q @ k.transpose(2, 3)) / math.sqrt(hd) + mask
        o = (s.softmax(-1) @ v).transpose(1, 2).reshape(b, t, d)
        x = x + o @ self.attn_c_proj_weight + self.attn_c_proj_bias
        h = torch.layer_norm(x, [d], self.ln_2_weight, self.ln_2_bias, self.eps)
        h = h @ self.mlp_c_fc_weight + self.mlp_c_fc_bias
        if self.tanh_gelu:
            h = 0.5 * h * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (h + 0.044715 * h * h * h)))
        else:
            h = torch.nn.functional.gelu(h)
        x = x + h @ self.mlp_c_proj_weight + self.mlp_c_proj_bias
        return x, k, v


class Gpt2(nn.Module):
    def __init__(self, w: dict, cfg: dict):
        super().__init__()
        self.register_buffer("wte", w["wte.weight"].contiguous())
        self.register_buffer("wpe", w["wpe.weight"].contiguous())
        self.register_buffer("ln_f_weight", w["ln_f.weight"].contiguous())
        self.register_buffer("ln_f_bias", w["ln_f.bias"].contiguous())
        eps = float(cfg.get("layer_norm_epsilon", 1e-5))
        self.eps = eps
        tanh = cfg.get("activation_function", "gelu_new") != "gelu"
        self.blocks = nn.ModuleList([Block(w, f"h.{i}.", cfg["n_head"], eps, tanh) for i in range(cfg["n_layer"])])

    def forward(self, input_ids: Tensor, past_keys: Tensor, past_values: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        t = input_ids.shape[1]
        p = past_keys.shape[3]
        x = self.wte[input_ids] + self.wpe[p:p + t]
        mask = torch.full([t, p + t], float("-inf")).triu(p + 1)
        keys: List[Tensor] = []
        values: List[Tensor] = []
        for i, blk in enumerate(self.blocks):
            x, k, v = blk(x, past_keys[i], past_values[i], mask)
            keys.append(k)
            values.append(v)
        x = torch.layer_norm(x, [x.shape[2]], self.ln_f_weight, self.ln_f_bias, self.eps)
        return x @ self.wte.t(), torch.stack(keys), torch.stack(values)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: trace_gpt2.py CHECKPOINT_DIR [OUT.pt]")
    d = Path(sys.argv[1])
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else d / "model.pt"
    cfg = json.loads((d / "config.json").read_text())
    if cfg.get("model_type") != "gpt2":
        sys.exit(f"unsupported model_type {cfg.get('model_type')!r}: GPT-2 only")
    model = Gpt2(read_safetensors(d / "model.safetensors"), cfg).eval()
    scripted = torch.jit.script(model)
    scripted.save(str(out))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
