package io.glio.engine.model;

import io.glio.saveconfig.SaveConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The storage-object granularity save of rtslib ({@code RTSRoot._get_saveconf}), used by a
 * storage object's {@code saveconfig} and by {@code delete … save=true}: the saved file is
 * kept as it is except for that one object and the first target exporting it, which are
 * replaced by their current state, removed when gone, or appended when new.
 */
final class ScopedSave {

    private ScopedSave() {
    }

    static SaveConfig merge(SaveConfig current, SaveConfig saved, String soPath) {
        SaveConfig base = saved != null ? saved : new SaveConfig(null, List.of(), List.of(), null);
        List<io.glio.saveconfig.StorageObject> curSos = orEmpty(current.storageObjects());
        List<io.glio.saveconfig.Target> curTargets = orEmpty(current.targets());
        io.glio.saveconfig.StorageObject curSo = null;
        for (io.glio.saveconfig.StorageObject so : curSos) {
            if (path(so).equals(soPath)) {
                curSo = so;
                break;
            }
        }
        io.glio.saveconfig.Target curTarget = curSo == null ? null : firstExporting(curTargets, soPath);

        List<io.glio.saveconfig.StorageObject> sos = new ArrayList<>(orEmpty(base.storageObjects()));
        List<io.glio.saveconfig.Target> targets = new ArrayList<>(orEmpty(base.targets()));
        boolean savedSo = false;
        boolean savedTarget = false;
        for (int i = 0; i < sos.size(); i++) {
            if (path(sos.get(i)).equals(soPath)) {
                if (curSo != null) {
                    sos.set(i, curSo);
                } else {
                    sos.remove(i);
                }
                savedSo = true;
                break;
            }
        }
        // As in rtslib, the saved target is looked at only when the saved file had the object.
        if (savedSo) {
            io.glio.saveconfig.Target old = firstExporting(targets, soPath);
            if (old != null) {
                int i = targets.indexOf(old);
                if (curTarget != null) {
                    targets.set(i, curTarget);
                } else {
                    targets.remove(i);
                }
                savedTarget = true;
            }
        }
        if (curSo != null && !savedSo) {
            sos.add(curSo);
        }
        if (curTarget != null && !savedTarget) {
            targets.add(curTarget);
        }
        return new SaveConfig(base.fabricModules(), sos, targets, base.extra());
    }

    private static io.glio.saveconfig.Target firstExporting(List<io.glio.saveconfig.Target> targets, String soPath) {
        for (io.glio.saveconfig.Target t : targets) {
            for (io.glio.saveconfig.Tpg tpg : orEmpty(t.tpgs())) {
                for (io.glio.saveconfig.Lun lun : orEmpty(tpg.luns())) {
                    if (lun.storageObject().equals(soPath)) {
                        return t;
                    }
                }
            }
        }
        return null;
    }

    private static String path(io.glio.saveconfig.StorageObject so) {
        return "/backstores/" + so.plugin() + "/" + so.name();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
