package io.glio.engine.runtime;

import io.glio.engine.scsi.ScsiCompletion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

class ReservationTest extends FixtureTest {

    Initiator one;
    Initiator two;

    @BeforeEach
    void login() {
        one = fx.first();
        two = fx.second();
    }

    @Test
    void registeredKeysAreListedWithAGeneration() {
        assertThat(register(one, 0, 0xabc).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(register(two, 0, 0xdef).status()).isEqualTo(ScsiCompletion.GOOD);

        ByteBuffer keys = ByteBuffer.wrap(prin(one, 0).data());

        assertThat(keys.getInt(0)).isEqualTo(2);
        assertThat(keys.getInt(4)).isEqualTo(16);
        assertThat(keys.getLong(8)).isEqualTo(0xabc);
        assertThat(keys.getLong(16)).isEqualTo(0xdef);
    }

    @Test
    void registeringWithAWrongKeyConflicts() {
        register(one, 0, 0xabc);

        assertThat(register(one, 0x999, 0x111).status()).isEqualTo(ScsiCompletion.RESERVATION_CONFLICT);
        assertThat(register(two, 0x999, 0x111).status()).isEqualTo(ScsiCompletion.RESERVATION_CONFLICT);
    }

    @Test
    void writeExclusiveBlocksOtherWritersButNotTheirReads() {
        register(one, 0, 0xabc);
        assertThat(prout(one, 1, 1, 0xabc, 0).status()).isEqualTo(ScsiCompletion.GOOD);

        assertThat(two.write(0, Initiator.write16(0, 1), new byte[512]).status())
                .isEqualTo(ScsiCompletion.RESERVATION_CONFLICT);
        assertThat(two.run(0, Initiator.read16(0, 1), 512).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(one.write(0, Initiator.write16(0, 1), new byte[512]).status()).isEqualTo(ScsiCompletion.GOOD);
        ByteBuffer res = ByteBuffer.wrap(prin(two, 1).data());
        assertThat(res.getLong(8)).isEqualTo(0xabc);
        assertThat(res.get(21)).isEqualTo((byte) 1);
    }

    @Test
    void exclusiveAccessRegistrantsOnlyLetsRegisteredNexusesIn() {
        register(one, 0, 0xabc);
        prout(one, 1, 6, 0xabc, 0);

        assertThat(two.run(0, Initiator.read16(0, 1), 512).status()).isEqualTo(ScsiCompletion.RESERVATION_CONFLICT);
        register(two, 0, 0xdef);
        assertThat(two.run(0, Initiator.read16(0, 1), 512).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    @Test
    void reserveByAnotherNexusConflictsAndPreemptTakesItOver() {
        register(one, 0, 0xabc);
        register(two, 0, 0xdef);
        prout(one, 1, 3, 0xabc, 0);

        assertThat(prout(two, 1, 3, 0xdef, 0).status()).isEqualTo(ScsiCompletion.RESERVATION_CONFLICT);
        assertThat(prout(two, 4, 3, 0xdef, 0xabc).status()).isEqualTo(ScsiCompletion.GOOD);

        assertThat(prin(two, 0).data()).hasSize(16);
        assertThat(one.run(0, new byte[6], 0).sense()).isEqualTo("6/2a/05");
        assertThat(one.run(0, Initiator.read16(0, 1), 512).status()).isEqualTo(ScsiCompletion.RESERVATION_CONFLICT);
    }

    @Test
    void releaseWithAnotherTypeIsInvalidReleaseAndClearRemovesEverything() {
        register(one, 0, 0xabc);
        prout(one, 1, 1, 0xabc, 0);

        assertThat(prout(one, 2, 3, 0xabc, 0).sense()).isEqualTo("5/26/04");
        assertThat(prout(one, 3, 0, 0xabc, 0).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(ByteBuffer.wrap(prin(one, 0).data()).getInt(4)).isZero();
        assertThat(two.write(0, Initiator.write16(0, 1), new byte[512]).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    @Test
    void allRegistrantsReservationSurvivesTheReserverUnregistering() {
        register(one, 0, 0xabc);
        register(two, 0, 0xdef);
        prout(one, 1, 8, 0xabc, 0);

        register(one, 0xabc, 0);

        ByteBuffer res = ByteBuffer.wrap(prin(two, 1).data());
        assertThat(res.getInt(4)).isEqualTo(16);
        assertThat(res.getLong(8)).isZero();
        assertThat(res.get(21)).isEqualTo((byte) 8);
        assertThat(one.run(0, Initiator.read16(0, 1), 512).status()).isEqualTo(ScsiCompletion.RESERVATION_CONFLICT);
        assertThat(prout(two, 2, 8, 0xdef, 0).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(ByteBuffer.wrap(prin(two, 1).data()).getInt(4)).isZero();
    }

    @Test
    void holderUnregisteringReleasesARegistrantsOnlyReservationAndTellsTheOthers() {
        register(one, 0, 0xabc);
        register(two, 0, 0xdef);
        prout(one, 1, 5, 0xabc, 0);

        register(one, 0xabc, 0);

        assertThat(ByteBuffer.wrap(prin(one, 1).data()).getInt(4)).isZero();
        assertThat(two.run(0, new byte[6], 0).sense()).isEqualTo("6/2a/04");
        assertThat(one.write(0, Initiator.write16(0, 1), new byte[512]).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    @Test
    void readFullStatusNamesEachRegistrantByTransportId() {
        register(one, 0, 0xabc);
        prout(one, 1, 1, 0xabc, 0);

        ByteBuffer full = ByteBuffer.wrap(prin(one, 3).data());

        assertThat(full.getLong(8)).isEqualTo(0xabc);
        assertThat(full.get(8 + 12)).isEqualTo((byte) 1);
        assertThat(full.get(8 + 13)).isEqualTo((byte) 1);
        int idLength = full.getInt(8 + 20);
        byte[] id = new byte[idLength];
        full.position(8 + 24);
        full.get(id);
        assertThat(id[0]).isEqualTo((byte) 0x45);
        assertThat(new String(id, 4, id.length - 4, java.nio.charset.StandardCharsets.UTF_8).trim())
                .startsWith(ScsiFixture.INITIATOR_1 + ",i,0x23d000000001");
    }

    @Test
    void persistentReservationsAreUnsupportedWhenEmulatePrIsOff() {
        fx.model.setStorageObjectAttribute(fx.ramdisk, "emulate_pr", "0");

        assertThat(register(one, 0, 0xabc).sense()).isEqualTo("5/20/00");
        assertThat(prin(one, 0).sense()).isEqualTo("5/20/00");
    }

    @Test
    void unknownPrInServiceActionIsInvalidFieldInCdb() {
        assertThat(prin(one, 4).sense()).isEqualTo("5/24/00");
        assertThat(prin(one, 2).data()[4] & 0xff).isEqualTo(0xea);
    }

    @Test
    void spc2ReservationBlocksTheOtherNexusUntilReleasedOrLost() {
        byte[] reserve = {0x16, 0, 0, 0, 0, 0};
        byte[] release = {0x17, 0, 0, 0, 0, 0};

        assertThat(one.run(0, reserve, 0).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(two.run(0, reserve, 0).status()).isEqualTo(ScsiCompletion.RESERVATION_CONFLICT);
        assertThat(two.run(0, Initiator.read16(0, 1), 512).status()).isEqualTo(ScsiCompletion.RESERVATION_CONFLICT);
        assertThat(two.run(0, release, 0).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(two.run(0, reserve, 0).status()).isEqualTo(ScsiCompletion.RESERVATION_CONFLICT);

        one.executor.nexusLost();

        assertThat(two.run(0, reserve, 0).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(two.run(0, release, 0).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    private static Initiator.Result register(Initiator who, long key, long newKey) {
        return prout(who, 0, 0, key, newKey);
    }

    /** PERSISTENT RESERVE OUT on LUN 0: service action, type, reservation key, service action key. */
    static Initiator.Result prout(Initiator who, int sa, int type, long key, long saKey) {
        byte[] cdb = {0x5f, (byte) sa, (byte) type, 0, 0, 0, 0, 0, 24, 0};
        ByteBuffer p = ByteBuffer.allocate(24).putLong(key).putLong(saKey);
        return who.write(0, cdb, p.array());
    }

    private static Initiator.Result prin(Initiator who, int sa) {
        byte[] cdb = {0x5e, (byte) sa, 0, 0, 0, 0, 0, 0x10, 0, 0};
        return who.run(0, cdb, 4096);
    }
}
