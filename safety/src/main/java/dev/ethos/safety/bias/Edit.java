package dev.ethos.safety.bias;

/** One replacement a rewriter proposes: a range of the analysed text, the new text, the rule and the finding type. */
record Edit(int start, int end, String replacement, String rule, String type) {
    Edit shift(int delta) {
        return new Edit(start + delta, end + delta, replacement, rule, type);
    }
}
