#!/usr/bin/env bash
# Benchmark of the Spark job: the same articles in local[1] and local[2], each master in its own fresh JVM after
# the same warm-up (see SparkBench for what it reports).
#   spark/bench.sh [--articles 2000] [--warmup 2000] [--warmup-round 250] [--partitions 32] [--cores 1,2]
#                  [--heap 4g] [--jvm "-XX:+UseParallelGC"] [--repeat 1] [--pin] [--corpora DIR] [--work DIR]
# --repeat N runs every master N times (the 2nd, 4th, … repeats in reverse order) and reports the median speed-up.
# --pin runs each local[n] JVM under taskset on n CPUs (one core against two, JIT and GC threads included).
# Needs the team's shared data (../shared/data/corpora next to the repository) unless --corpora is given.
# MVN_FLAGS (e.g. -o) is passed to the build of the classpath.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cpfile="$root/spark/target/bench-classpath.txt"
mvn -q -B ${MVN_FLAGS:-} -pl spark -am -DskipTests test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >&2
# the flags spark-submit adds on Java 17 (same list as spark/pom.xml)
flags=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
export SPARK_LOCAL_IP=127.0.0.1
# this JVM only prepares the articles and starts one JVM per master (their heap: --heap)
exec java -Xmx1g "${flags[@]}" -Dkhaldun.shared="$root/../shared" \
  -cp "$root/spark/target/test-classes:$root/spark/target/classes:$(cat "$cpfile")" \
  org.khaldun.spark.bench.SparkBench "$@"
