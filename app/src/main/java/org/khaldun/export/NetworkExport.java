package org.khaldun.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.TreeSet;
import org.khaldun.store.EventQuery;
import org.khaldun.store.EventStore;
import org.khaldun.store.NetworkEdge;

/**
 * Actor networks for Gephi, Cytoscape, igraph or NetworkX: nodes are actor codes (or countries), directed edges
 * go from actor to recipient with the event count as weight and the mean Goldstein value as an attribute.
 */
public final class NetworkExport {

    public enum Format { GRAPHML, GEXF }

    private NetworkExport() {
    }

    /** Writes the network; returns the number of edges. */
    public static long write(EventStore store, EventQuery q, boolean clusters, boolean byCountry, Format format,
                             Writer w) {
        List<NetworkEdge> edges = store.actorNetwork(q, clusters, byCountry);
        TreeSet<String> nodes = new TreeSet<>();
        for (NetworkEdge e : edges) {
            nodes.add(e.actor());
            nodes.add(e.recipient());
        }
        try {
            if (format == Format.GRAPHML) {
                w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
                w.write("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
                w.write("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>\n");
                w.write("  <key id=\"goldstein_mean\" for=\"edge\" attr.name=\"goldstein_mean\" attr.type=\"double\"/>\n");
                w.write("  <key id=\"goldstein_sum\" for=\"edge\" attr.name=\"goldstein_sum\" attr.type=\"double\"/>\n");
                w.write("  <graph id=\"actors\" edgedefault=\"directed\">\n");
                for (String n : nodes) {
                    w.write("    <node id=\"" + xml(n) + "\"/>\n");
                }
                int i = 0;
                for (NetworkEdge e : edges) {
                    w.write("    <edge id=\"e" + (i++) + "\" source=\"" + xml(e.actor()) + "\" target=\""
                            + xml(e.recipient()) + "\"><data key=\"weight\">" + e.count()
                            + "</data><data key=\"goldstein_mean\">" + e.goldsteinMean()
                            + "</data><data key=\"goldstein_sum\">" + e.goldsteinSum() + "</data></edge>\n");
                }
                w.write("  </graph>\n</graphml>\n");
            } else {
                w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
                w.write("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n");
                w.write("  <graph defaultedgetype=\"directed\">\n");
                w.write("    <attributes class=\"edge\">\n");
                w.write("      <attribute id=\"0\" title=\"goldstein_mean\" type=\"double\"/>\n");
                w.write("      <attribute id=\"1\" title=\"goldstein_sum\" type=\"double\"/>\n");
                w.write("    </attributes>\n    <nodes>\n");
                for (String n : nodes) {
                    w.write("      <node id=\"" + xml(n) + "\" label=\"" + xml(n) + "\"/>\n");
                }
                w.write("    </nodes>\n    <edges>\n");
                int i = 0;
                for (NetworkEdge e : edges) {
                    w.write("      <edge id=\"" + (i++) + "\" source=\"" + xml(e.actor()) + "\" target=\""
                            + xml(e.recipient()) + "\" weight=\"" + e.count() + "\"><attvalues><attvalue for=\"0\""
                            + " value=\"" + e.goldsteinMean() + "\"/><attvalue for=\"1\" value=\"" + e.goldsteinSum()
                            + "\"/></attvalues></edge>\n");
                }
                w.write("    </edges>\n  </graph>\n</gexf>\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return edges.size();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
