package io.glio.engine.model;

import java.util.Set;

/** Values the kernel accepts for ALUA group parameters (target_core_alua.c store functions). */
final class AluaRules {

    private static final Set<Long> STATES = Set.of(0L, 1L, 2L, 3L, 4L, 14L, 15L);

    private AluaRules() {
    }

    static void check(String param, long value) {
        boolean ok;
        switch (param) {
            case "alua_access_state":
                ok = STATES.contains(value);
                break;
            case "alua_access_status":
                ok = value >= 0 && value <= 2;
                break;
            case "alua_access_type":
                ok = value >= 0 && value <= 3;
                break;
            case "nonop_delay_msecs":
            case "trans_delay_msecs":
            case "implicit_trans_secs":
                ok = value >= 0 && value <= 0xffffffffL;
                break;
            default:
                ok = value == 0 || value == 1;
        }
        if (!ok) {
            throw new InvalidValueException("Cannot set " + param + ": [Errno 22] Invalid argument");
        }
    }
}
