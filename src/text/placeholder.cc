int kotae_text_placeholder = 0;
