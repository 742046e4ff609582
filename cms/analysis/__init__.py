"""Analysis of the national reports: figures across States, cycles and regions, maps and charts."""
