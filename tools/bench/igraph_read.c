/* SPDX-License-Identifier: MIT */
/* igraph_read: igraph's own GraphML reader with attributes, the peer the
 * benchmark compares clustermap's reader with.
 *
 *   igraph_read FILE     prints "nodes edges" after reading FILE
 *
 * Attributes are kept (igraph's C attribute table), as a user of igraph who
 * wants the data model would have to. */
#include <igraph.h>

#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "Usage: igraph_read FILE\n");
		return 2;
	}
	FILE *fp = fopen(argv[1], "r");
	if (!fp) {
		perror(argv[1]);
		return 1;
	}
	igraph_set_attribute_table(&igraph_cattribute_table);
	igraph_t g;
	igraph_error_t err = igraph_read_graph_graphml(&g, fp, 0);
	fclose(fp);
	if (err != IGRAPH_SUCCESS) {
		fprintf(stderr, "igraph_read: %s\n", igraph_strerror(err));
		return 1;
	}
	printf("%" IGRAPH_PRId " %" IGRAPH_PRId "\n", igraph_vcount(&g), igraph_ecount(&g));
	igraph_destroy(&g);
	return 0;
}
