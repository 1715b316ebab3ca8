package io.glio.engine.model;

/** A WWN in rtslib's preferred spelling together with the type it was recognised as. */
public record NormalizedWwn(String wwn, WwnType type) {
}
