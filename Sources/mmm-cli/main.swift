print("mmm-cli")
