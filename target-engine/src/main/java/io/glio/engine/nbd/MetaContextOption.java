package io.glio.engine.nbd;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * NBD_OPT_LIST_META_CONTEXT (9) and NBD_OPT_SET_META_CONTEXT (10), proto.md "Metadata querying":
 * <pre>
 *  0             4            4+n            8+n
 * +-------------+------------+--------------+--------------------------------------+
 * | name length | export (n) | query count  | count x (query length (32), query)   |
 * +-------------+------------+--------------+--------------------------------------+
 * </pre>
 * The only context served is {@code base:allocation} (id {@link Nbd#BASE_ALLOCATION_ID}); a query
 * {@code base:} matches it too; LIST with no query lists it.
 */
record MetaContextOption(String export, List<String> queries) {

    static MetaContextOption parse(String option, ByteBuffer data) throws InvalidOptionException {
        OptionData d = new OptionData(option, data);
        String export = d.string("export name");
        long count = Integer.toUnsignedLong(d.u32("query count"));
        // each query takes at least its 4-byte length: a count beyond that is a lie, refused before the loop
        if (count > d.remaining() / 4) {
            throw new InvalidOptionException(option + " query count: " + count + " (expected: <= "
                    + d.remaining() / 4 + " by the option's length)");
        }
        List<String> queries = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            queries.add(d.string("query"));
        }
        d.end();
        return new MetaContextOption(export, List.copyOf(queries));
    }

    /** Whether the queries select base:allocation ({@code list}: no query selects every context). */
    boolean selectsBaseAllocation(boolean list) {
        if (list && queries.isEmpty()) {
            return true;
        }
        return queries.stream().anyMatch(q -> q.equals(Nbd.BASE_ALLOCATION) || (list && q.equals("base:")));
    }
}
