"""The welcome feature: at first start (and from Help), what the bundled model is, and a short
list of recommended models by need, each with its size, the memory it needs and its speed here;
one click downloads one (through the models feature's resumable download) and switches to it."""
