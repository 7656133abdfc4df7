#ifndef VERSION_H
#define VERSION_H

/*
 * The version of ibrief, "0.1.0": the text of the file VERSION at the top
 * of the tree. util/version.c is the only unit compiled with it and the
 * Makefile rebuilds it when VERSION changes, so a bumped VERSION reaches
 * every place that prints it (--version, the PDF's metadata and notes).
 * Everyone reads it here; nothing else may hold a copy.
 */
extern const char ibrief_version[];

#endif
