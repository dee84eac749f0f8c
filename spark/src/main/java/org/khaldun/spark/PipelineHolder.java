package org.khaldun.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.khaldun.pipeline.Pipeline;
import org.khaldun.pipeline.Pipelines;

/**
 * The coder of this executor JVM. Loading CoreNLP's models takes seconds and hundreds of megabytes, so it
 * happens once per JVM, on the first task that needs it, and every later partition and task of every job
 * in that JVM reuses the same (thread-safe) pipeline. Nothing of it is ever serialised: tasks carry only
 * the records to code and look the pipeline up here.
 */
public final class PipelineHolder {

    private static final AtomicInteger BUILDS = new AtomicInteger();

    private PipelineHolder() {
    }

    /** The JVM's pipeline, built on first use. */
    public static Pipeline get() {
        return Holder.PIPELINE;
    }

    /** How many times this JVM built a pipeline through the holder: 1 once anything was coded. */
    public static int builds() {
        return BUILDS.get();
    }

    /** Class initialisation is the lock: the JVM runs it once, and other threads wait for it. */
    private static final class Holder {
        static final Pipeline PIPELINE = build();

        private static Pipeline build() {
            BUILDS.incrementAndGet();
            return Pipelines.defaultPipeline();
        }
    }
}
