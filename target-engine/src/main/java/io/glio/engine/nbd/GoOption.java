package io.glio.engine.nbd;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * NBD_OPT_GO (7) and NBD_OPT_INFO (6), proto.md "Option types": which export, and which
 * NBD_INFO_* items the client asks for.
 * <pre>
 *  0             4              4+n           6+n
 * +-------------+--------------+-------------+------------------------+
 * | name length | name (n)     | count (16)  | count x info type (16) |
 * +-------------+--------------+-------------+------------------------+
 * </pre>
 * The server answers NBD_REP_INFO items (NBD_INFO_EXPORT always) and NBD_REP_ACK; after GO's ACK
 * the transmission phase starts.
 */
record GoOption(String name, List<Integer> requests) {

    static GoOption parse(String option, ByteBuffer data) throws InvalidOptionException {
        OptionData d = new OptionData(option, data);
        String name = d.string("export name");
        int count = d.u16("information request count");
        if (count * 2 != d.remaining()) {
            throw new InvalidOptionException(option + " information request count: " + count + " (expected: "
                    + d.remaining() / 2 + " by the option's length)");
        }
        List<Integer> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(d.u16("information request"));
        }
        return new GoOption(name, List.copyOf(requests));
    }
}
