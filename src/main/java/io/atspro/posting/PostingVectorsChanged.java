package io.atspro.posting;

/** Fired after a run stored new vectors (or trained the index): rankings built on the old ones are stale. */
public record PostingVectorsChanged(int embedded) {
}
