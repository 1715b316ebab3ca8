package io.glio.engine.scsi.identity;

import io.glio.engine.scsi.DeviceSettings;
import io.glio.engine.scsi.ItNexus;
import io.glio.engine.scsi.LunAccess;
import io.glio.engine.scsi.PortGroups;
import java.util.Optional;

/**
 * The designators of VPD page 0x83 (SPC-4 7.8.6) in LIO's order: NAA 6 (LU), T10 vendor id
 * {@code LIO-ORG } + {@code <product>:<serial>} (LU), relative target port, target port group,
 * SCSI name of the target port ({@code <iqn>,t,0x<tpgt>}) and of the target device. A user
 * (tcmu-runner) object lists, as runner does, the T10 id as {@code LIO-ORG } + serial, then NAA,
 * then the vendor-specific designator with its config string, then the port designators. A LU
 * shared by several gateways takes its relative target port and target port group ids from
 * the registry on the volume ({@link PortGroups}), so they are unique across gateways.
 */
public final class DeviceIdentification {

    private DeviceIdentification() {
    }

    public static byte[] designators(LunAccess access, ItNexus nexus) {
        DeviceSettings s = access.unit().settings();
        String serial = access.unit().wwn();
        Designators d = new Designators();
        byte[] naa = NaaDesignator.of(serial);
        byte[] vendor = Designators.padded(StandardInquiry.VENDOR, 8);
        if (s.userBacked()) {
            d.add(0, 2, 0, 0x00, 1, concat(vendor, Designators.asciiz(serial)));
            d.add(0, 1, 0, 0x00, 3, naa);
            d.add(0, 2, 0, 0x00, 0, Designators.asciiz(s.userConfig()));
        } else {
            d.add(0, 1, 0, 0x00, 3, naa);
            d.add(0, 2, 0, 0x00, 1, concat(vendor, Designators.asciiz(s.product() + ":" + serial)));
        }
        Optional<PortGroups.Group> shared = PortGroups.ownOf(access.unit(), nexus);
        int relativePort = shared.map(PortGroups.Group::relativePort).orElse(nexus.relativeTargetPortId());
        int group = shared.map(PortGroups.Group::id).orElse(access.targetPortGroup());
        d.add(Designators.ISCSI, 1, 0x80, 0x10, 4, Designators.u16(relativePort));
        if (group >= 0) {
            d.add(Designators.ISCSI, 1, 0x80, 0x10, 5, Designators.u16(group));
        }
        d.add(Designators.ISCSI, 3, 0x80, 0x10, 8, Designators.nameString(nexus.targetPortName()));
        d.add(Designators.ISCSI, 3, 0x80, 0x20, 8, Designators.nameString(nexus.targetName()));
        return d.bytes();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
