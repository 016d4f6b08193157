package dev.ethos.text;

/**
 * Maps UTF-16 offsets between an original text and an edited one, in both directions. Offsets in
 * unchanged text map exactly (a start lands after text inserted at it, an end before it); an
 * offset strictly inside a replaced range maps to the start of the
 * replacement ({@link #toEdited}) or to its end ({@link #toEditedEnd}), so a span
 * {@code [toEdited(s), toEditedEnd(e))} always covers what became of {@code [s, e)}.
 */
public interface OffsetMap {
    int toEdited(int originalOffset);

    int toEditedEnd(int originalOffset);

    int toOriginal(int editedOffset);

    int toOriginalEnd(int editedOffset);

    static OffsetMap identity() {
        return Identity.INSTANCE;
    }

    /** First this map, then {@code next} (whose original is this map's edited text). */
    default OffsetMap andThen(OffsetMap next) {
        if (next == Identity.INSTANCE) {
            return this;
        }
        if (this == Identity.INSTANCE) {
            return next;
        }
        OffsetMap first = this;
        return new OffsetMap() {
            @Override
            public int toEdited(int o) {
                return next.toEdited(first.toEdited(o));
            }

            @Override
            public int toEditedEnd(int o) {
                return next.toEditedEnd(first.toEditedEnd(o));
            }

            @Override
            public int toOriginal(int e) {
                return first.toOriginal(next.toOriginal(e));
            }

            @Override
            public int toOriginalEnd(int e) {
                return first.toOriginalEnd(next.toOriginalEnd(e));
            }
        };
    }

    /** The map of an edit list over an original of the given length. */
    static OffsetMap of(int originalLength, java.util.List<TextEdit> sortedEdits) {
        return sortedEdits.isEmpty() ? identity() : new EditMap(originalLength, sortedEdits);
    }

    enum Identity implements OffsetMap {
        INSTANCE;

        @Override
        public int toEdited(int o) {
            return o;
        }

        @Override
        public int toEditedEnd(int o) {
            return o;
        }

        @Override
        public int toOriginal(int e) {
            return e;
        }

        @Override
        public int toOriginalEnd(int e) {
            return e;
        }
    }
}
