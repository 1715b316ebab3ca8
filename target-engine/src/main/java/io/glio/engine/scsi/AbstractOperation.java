package io.glio.engine.scsi;

/** Holds an operation's {@link OperationInfo}; subclasses implement {@link #execute}. */
public abstract class AbstractOperation implements ScsiOperation {

    private final OperationInfo info;

    protected AbstractOperation(OperationInfo info) {
        this.info = info;
    }

    @Override
    public final OperationInfo info() {
        return info;
    }
}
