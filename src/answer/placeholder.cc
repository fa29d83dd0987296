int kotae_answer_placeholder = 0;
