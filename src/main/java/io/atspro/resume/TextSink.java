package io.atspro.resume;

import java.io.Writer;

/**
 * Collects extracted text, keeping the first {@code keep} characters and counting the rest; past {@code stopAt}
 * characters it throws {@link LimitReached} so a reader can stop instead of producing text nobody will read.
 */
final class TextSink extends Writer {

    /** Thrown from {@link #write} once {@code stopAt} characters have been written. */
    static final class LimitReached extends RuntimeException {
        LimitReached() {
            super("text limit reached", null, false, false);
        }
    }

    private final StringBuilder kept = new StringBuilder();
    private final int keep;
    private final long stopAt;
    private long total;

    TextSink(int keep, long stopAt) {
        this.keep = keep;
        this.stopAt = stopAt;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        int room = keep - kept.length();
        if (room > 0) {
            kept.append(chars, offset, Math.min(room, length));
        }
        total += length;
        if (total > stopAt) {
            throw new LimitReached();
        }
    }

    TextSink line(String text) {
        write(text);
        write("\n");
        return this;
    }

    @Override
    public void write(String text) {
        write(text.toCharArray(), 0, text.length());
    }

    boolean truncated() {
        return total > keep;
    }

    String text() {
        int end = kept.length();
        if (end > 0 && Character.isHighSurrogate(kept.charAt(end - 1))) {
            end--;
        }
        return kept.substring(0, end);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
