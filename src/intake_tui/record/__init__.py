"""The inquiry record: its model, its field table and the normaliser every entry path uses."""
