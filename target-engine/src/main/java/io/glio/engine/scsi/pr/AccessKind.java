package io.glio.engine.scsi.pr;

/**
 * How a command touches the medium, for the reservation checks (SPC-4 5.9.1 table 49 and SPC-2
 * 5.5.1): commands that are always allowed, PR commands (outside PR checks, but blocked by an
 * SPC-2 reservation as LIO does), reads, writes, and other commands allowed under a PR.
 */
public enum AccessKind {
    ALWAYS, PERSISTENT_RESERVATION, READ, WRITE, OTHER
}
