package io.glio.engine.iscsi.login;

import io.glio.engine.model.ChapCredentials;
import io.glio.engine.model.Tpg;

import java.util.function.Function;

/**
 * What a login is talking to, as resolved from the first Login Request.
 *
 * @param tpg                    the TPG of a normal session; null for discovery
 * @param targetName             the target's name; null for discovery
 * @param tpgTag                 sent as {@code TargetPortalGroupTag} in the first response
 * @param authenticationRequired whether CHAP is mandatory
 * @param credentials            the CHAP credentials that apply
 * @param parameters             the TPG's iSCSI parameters by key (null when unset)
 * @param commandWindow          the CmdSN window (TPG {@code default_cmdsn_depth}; 1 for discovery)
 */
public record LoginTarget(Tpg tpg, String targetName, int tpgTag, boolean authenticationRequired,
                          ChapCredentials credentials, Function<String, String> parameters,
                          int commandWindow) {

    public boolean discovery() {
        return tpg == null;
    }
}
