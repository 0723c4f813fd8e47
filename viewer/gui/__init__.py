"""The Qt desktop viewer: thin widgets over `viewer.library.Library`.

Nothing here holds search or storage logic; every module talks to the Library facade and
renders what it answers. Qt is imported only inside this package and `viewer/app.py`.
"""
