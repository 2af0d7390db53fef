"""kg.store"""
