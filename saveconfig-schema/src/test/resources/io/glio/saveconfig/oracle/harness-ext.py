#!/usr/bin/python3
# Runs /work/shared/tools/targetcli-oracle/harness.py (the real targetcli 2.1.53 + rtslib-fb over a
# fake configfs) with two more kernel approximations it lacks, so the real rtslib code can dump
# block and pscsi storage objects too:
#  - the configfs 'info' text of iblock ("... readonly: N ...") and pscsi objects;
#  - SCSI H:C:T:L <-> /dev path lookup and the "device in use" probe (no SCSI devices here).
# Everything written to saveconfig.json is still produced by the unmodified rtslib dump code.
# Usage: FAKE_BASE=$(mktemp -d) FAKE_TCMU=1 /usr/bin/python3 harness-ext.py < script.txt
import os, sys

HARNESS = os.environ.get('ORACLE_HARNESS', '/work/shared/tools/targetcli-oracle/harness.py')

import rtslib_fb.utils as r_utils
import rtslib_fb.tcm as r_tcm

def hctl_to_path(host, channel, target, lun):
    return '/dev/sd' + chr(ord('a') + int(lun))

def path_to_hctl(path):
    raise RuntimeError('not a SCSI device path: ' + path)

_real_blockdev_type = r_utils.get_blockdev_type

def blockdev_type(path):
    return 0 if str(path).startswith('/dev/loop') else _real_blockdev_type(path)

for m in (r_utils, r_tcm):
    m.convert_scsi_hctl_to_path = hctl_to_path
    m.convert_scsi_path_to_hctl = path_to_hctl
    m.is_dev_in_use = lambda path: False
    m.get_blockdev_type = blockdev_type

src = open(HARNESS).read()
extra_info = '''    elif plugin == 'iblock':
        dev = st.get('udev_path', '')
        s += 'iBlock device: %s  UDEV PATH: %s  readonly: %s\\n        Major: 7 Minor: 0  CLAIMED: IBLOCK\\n' % (
            os.path.basename(dev), dev, st.get('readonly', 0))
    elif plugin == 'pscsi':
        s += 'SCSI Device Bus Location: Channel ID: %s Target ID: %s LUN: %s Host ID: %s\\n' % (
            st.get('scsi_channel_id', 0), st.get('scsi_target_id', 0), st.get('scsi_lun_id', 0),
            st.get('scsi_host_id', 0))
        s += '        Vendor: QEMU Model: QEMU_HARDDISK Rev: 2.5+\\n'
'''
anchor = "    elif plugin == 'user':\n"
assert anchor in src, 'harness.py changed; update harness-ext.py'
src = src.replace(anchor, extra_info + anchor, 1)
sys.argv[0] = HARNESS
exec(compile(src, HARNESS, 'exec'), {'__name__': '__main__', '__file__': HARNESS})
