#!/usr/bin/env python3
"""Writes the Hugging Face reference fixture that HuggingFaceReferenceTest compares against.

    python3 hf_reference.py DIR     # e.g. providers/djl/src/test/resources/hf-gpt2-tiny

Needs torch and transformers (made with torch 2.13.0+cpu and transformers 5.17.0, on CPU).
Builds a tiny seeded GPT2LMHeadModel with every parameter drawn at random (biases and layer-norm
gains too, so that none of them can be skipped unnoticed), saves it with save_pretrained as F32 and
as BF16, and records the logits transformers computes for a prompt and for single cached decoding
steps (past_key_values), for both: the BF16 reference is the F32 model run on the BF16-rounded
weights, which is what the djl provider computes after widening BF16 to F32.

Output: f32/{config.json,model.safetensors}, bf16/{config.json,model.safetensors},
reference.json (token ids, versions) and reference.safetensors (logits, F32).
"""
import json
import sys
from pathlib import Path

import torch
import transformers
from safetensors.torch import save_file
from transformers import GPT2Config, GPT2LMHeadModel

SEED = 2026
PROMPT = [5, 17, 93, 40, 2, 71, 64, 11]
STEPS = [88, 3, 50, 95, 12]


def logits_of(model):
    """Logits of every prompt position, then of each cached single-token step."""
    with torch.no_grad():
        out = model(torch.tensor([PROMPT]), use_cache=True)
        prompt = out.logits[0].clone()
        past = out.past_key_values
        steps = []
        for t in STEPS:
            out = model(torch.tensor([[t]]), past_key_values=past, use_cache=True)
            past = out.past_key_values
            steps.append(out.logits[0, -1].clone())
    return prompt, torch.stack(steps)


def main(root: Path):
    torch.manual_seed(SEED)
    config = GPT2Config(vocab_size=96, n_positions=32, n_embd=32, n_layer=2, n_head=4,
                        activation_function="gelu_new", layer_norm_epsilon=1e-5,
                        resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0,
                        bos_token_id=95, eos_token_id=95, tie_word_embeddings=True)
    model = GPT2LMHeadModel(config).eval()
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "ln_" in name and name.endswith(".weight"):
                p.copy_(1.0 + 0.2 * torch.randn_like(p))
            else:
                p.copy_(0.3 * torch.randn_like(p))
    tensors = {}
    prompt, steps = logits_of(model)
    tensors["f32.prompt"], tensors["f32.steps"] = prompt, steps
    model.save_pretrained(root / "f32", safe_serialization=True)

    rounded = GPT2LMHeadModel(config).eval()
    with torch.no_grad():
        for (name, p), (_, q) in zip(rounded.named_parameters(), model.named_parameters()):
            p.copy_(q.to(torch.bfloat16).to(torch.float32))
    prompt, steps = logits_of(rounded)
    tensors["bf16.prompt"], tensors["bf16.steps"] = prompt, steps
    rounded.to(torch.bfloat16).save_pretrained(root / "bf16", safe_serialization=True)

    save_file({k: v.contiguous() for k, v in tensors.items()}, str(root / "reference.safetensors"))
    (root / "reference.json").write_text(json.dumps({
        "prompt": PROMPT, "steps": STEPS, "seed": SEED,
        "torch": torch.__version__, "transformers": transformers.__version__,
    }, indent=2) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: hf_reference.py DIR")
    main(Path(sys.argv[1]))
