package dev.ethos.text;

/** A cheap language guess for the two languages Ethos' filters know: Chinese or English. */
public final class Languages {
    private Languages() {
    }

    /**
     * {@code "zh"} when Han characters make up at least a fifth of the letters of {@code text}
     * (Chinese text often carries Latin names, numbers and units), else {@code "en"}.
     */
    public static String detect(CharSequence text) {
        int han = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                    han++;
                }
            }
        }
        return letters > 0 && han * 5 >= letters ? "zh" : "en";
    }

    /** True for Han ideographs (CJK unified ideographs and extensions). */
    public static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
