package io.glio.engine.iscsi.login;

/**
 * A successful login.
 *
 * @param expCmdSn the CmdSN the full feature phase starts expecting
 * @param statSn   the StatSN of the first full feature phase status
 * @param authenticated whether the initiator proved itself with CHAP
 */
public record LoginOutcome(String initiatorName, LoginTarget target, long isid, int cid,
                           SessionParameters parameters, int expCmdSn, int statSn, boolean authenticated) {
}
