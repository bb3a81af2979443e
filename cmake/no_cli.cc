int main() { return 2; }  // placeholder until src/cli exists
