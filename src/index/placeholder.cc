int kotae_index_placeholder = 0;
