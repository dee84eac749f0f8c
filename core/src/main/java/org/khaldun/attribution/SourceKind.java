package org.khaldun.attribution;

/**
 * What kind of source a claim rests on. The kind describes the speaker; the medium it spoke through is the
 * separate {@link Attribution#channel()}:
 *
 * <ul>
 *   <li>{@link #NAMED}: an identified person or institution ("Al-Mandalawi", "Iran's Judiciary Chief", "the army").
 *       "The army said in a statement" is NAMED with channel "a statement": the army is accountable for it.</li>
 *   <li>{@link #ANONYMOUS}: an unidentified source ("sources", "a US official", "people familiar with the matter",
 *       "officials said" with no name) or no speaker at all ("it is reported").</li>
 *   <li>{@link #MEDIA}: a news outlet or journalist speaks in its own name ("CNN reported", "with CNN reporting that").</li>
 *   <li>{@link #DOCUMENT}: the speaker is itself a text with no named author in the clause ("the report said",
 *       "according to a statement", "reports that ...").</li>
 * </ul>
 */
public enum SourceKind {
    NAMED, ANONYMOUS, MEDIA, DOCUMENT
}
