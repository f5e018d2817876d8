/* SPDX-License-Identifier: MIT */
/* Built by `make installcheck` against the installed header, library and
 * pkg-config file only: reads a network and prints its size. */
#include <clustermap.h>

#include <stdio.h>

int main(int argc, char **argv)
{
	cm_ctx *ctx;
	cm_network *net;
	if (argc != 2 || cm_ctx_new(&ctx))
		return 2;
	if (cm_network_read_file(&net, ctx, argv[1], NULL)) {
		fprintf(stderr, "%s\n", cm_ctx_errmsg(ctx));
		cm_ctx_free(ctx);
		return 1;
	}
	printf("%zu actors, %zu ties\n", cm_network_node_count(net), cm_network_edge_count(net));
	cm_network_free(net);
	cm_ctx_free(ctx);
	return 0;
}
