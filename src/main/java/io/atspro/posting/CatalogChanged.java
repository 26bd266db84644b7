package io.atspro.posting;

/** Fired by a catalog write that added or changed postings; observers act after it commits. */
record CatalogChanged(int added, int changed) {
}
